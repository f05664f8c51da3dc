import type { ResponseAction } from '../actions/response-action';
import type { Alert, AlertSource } from '../alerts/alert';
import type { Machine } from '../machines/machine';
import type { AlertCardData, CardMachineRef } from './alert-card-data';
import { CARD_LIMITS } from './card-limits';
import { cardText, jsonCost } from './card-text';
import { formatCardTime } from './format-card-time';
import { humanizeName } from './humanize-name';
import { severityLook } from './severity-look';
import { toAlertFacts } from './to-alert-facts';
import { toCardApproval } from './to-card-approval';
import { toCardRetry } from './to-card-retry';
import { toEvidenceLines } from './to-evidence-lines';
import { type AlertFold, toFoldSummary } from './to-fold-summary';
import { type AlertIsolateContext, toIsolateFacts, toIsolateWarning } from './to-isolate-facts';
import { toStatusLines } from './to-status-lines';

/** The Defender portal used for links when the caller names none. */
export const DEFAULT_PORTAL_URL = 'https://security.microsoft.com';

/** What the card shows besides the alert itself. Nothing here is read from a clock or the network. */
export interface AlertCardContext {
  /** Defender's record of the alert's machine, when known: adds OS, risk, exposure and tags. */
  readonly machine?: Machine;
  /** Set when the card stands for a folded storm of similar alerts. */
  readonly fold?: AlertFold;
  /**
   * This alert's response actions, newest first: the newest few become status lines, the newest waiting
   * for approval gets Approve and Reject, and a newest that failed, timed out or expired gets "Retry …".
   */
  readonly actions?: readonly ResponseAction[];
  /** The machine is known to be isolated: the card offers "Release from isolation…" instead of "Isolate…". */
  readonly isolated?: boolean;
  /** Logged-on users, other open alerts and protection, shown in the Isolate form. */
  readonly isolateContext?: AlertIsolateContext;
  /** The time the card is drawn (ISO-8601), for "12 min ago" and the footer. */
  readonly nowIso: string;
  /** The Defender portal's base address (default `DEFAULT_PORTAL_URL`), for alerts without their own link. */
  readonly portalUrl?: string;
}

const SOURCE_NAMES: Readonly<Record<AlertSource, string>> = {
  mde: 'Defender for Endpoint',
  mcas: 'Defender for Cloud Apps',
};

/** "Defender for Endpoint" for `mde`; an unknown source is shown as it comes. */
function sourceName(source: AlertSource): string {
  return Object.hasOwn(SOURCE_NAMES, source) ? SOURCE_NAMES[source] : String(source);
}

/** Printable ASCII only, starting with http(s)://, and nothing a template or markdown would read. */
const SAFE_URL = /^https?:\/\/[\x21-\x7E]+$/i;

function isSafeUrl(url: string | undefined): url is string {
  return (
    url !== undefined &&
    SAFE_URL.test(url) &&
    !/[\\"<>]|\$\{|\]\(/.test(url) &&
    jsonCost(url) <= CARD_LIMITS.portalUrl
  );
}

/**
 * The alert's own portal link when it is a safe URL, else the portal's address for the alert, else the
 * default portal's alert list. `alertId` is the cleaned id (well-formed, so `encodeURIComponent` cannot throw).
 */
function portalLink(alert: Alert, alertId: string, base: string | undefined): string {
  const portal = (base ?? DEFAULT_PORTAL_URL).replace(/\/+$/, '');
  const candidates = [alert.portalUrl, `${portal}/alerts/${encodeURIComponent(alertId)}`];
  return candidates.find(isSafeUrl) ?? `${DEFAULT_PORTAL_URL}/alerts`;
}

/** The machine the buttons act on: Defender's record when given, else the one the alert names. */
function machineRef(alert: Alert, machine: Machine | undefined): CardMachineRef | undefined {
  const source = machine ?? alert.machine;
  const id = cardText(source?.id, CARD_LIMITS.id);
  if (source === undefined || id === '') return undefined;
  return { id, name: cardText(source.name, CARD_LIMITS.factValue) || id };
}

function evidenceNote(omitted: number): string {
  const items = omitted === 1 ? 'evidence item' : 'evidence items';
  return cardText(
    `…and ${omitted.toLocaleString('en-US')} more ${items} in Defender`,
    CARD_LIMITS.evidenceNote,
  );
}

/**
 * Maps an alert (and what surrounds it) to the data of `cards/alert.json`. Pure: every string is cleaned
 * and cut here (see `CARD_LIMITS`), so the rendered card stays within its size budget whatever the alert
 * holds; times are formatted in UTC against `context.nowIso`.
 */
export function toAlertCardData(alert: Alert, context: AlertCardContext): AlertCardData {
  const look = severityLook(alert.severity);
  const machine = machineRef(alert, context.machine);
  const { lines, omitted } = toEvidenceLines(alert.evidence);
  const title = cardText(alert.title, CARD_LIMITS.title) || 'Untitled alert';
  const description = cardText(alert.description, CARD_LIMITS.description, true);
  const alertId = cardText(alert.id, CARD_LIMITS.id);
  const where = machine ? ` on ${machine.name}` : '';
  const actions = context.actions ?? [];
  const approval = toCardApproval(actions);
  const retry = toCardRetry(actions, machine?.id);
  const isolateWarning = machine ? toIsolateWarning(context.isolateContext?.protectedReason) : undefined;
  return {
    alertId,
    severity: look,
    headline: cardText(`${sourceName(alert.source)} · ${humanizeName(alert.status)}`, CARD_LIMITS.headline),
    title,
    ...(description === '' ? {} : { description }),
    facts: toAlertFacts(alert, context.machine, context.nowIso),
    evidence: lines,
    ...(omitted > 0 && lines.length > 0 ? { evidenceNote: evidenceNote(omitted) } : {}),
    ...(machine ? { machine } : {}),
    ...(context.fold ? { fold: toFoldSummary(context.fold) } : {}),
    statuses: toStatusLines(actions),
    ...(approval ? { approval } : {}),
    ...(retry ? { retry } : {}),
    isolated: machine !== undefined && context.isolated === true,
    isolateFacts: machine ? toIsolateFacts(context.machine, context.isolateContext, context.nowIso) : [],
    ...(isolateWarning ? { isolateWarning } : {}),
    resolvable: alert.status !== 'resolved',
    assignable: alert.source === 'mde' && alert.status !== 'resolved',
    portalUrl: portalLink(alert, alertId, context.portalUrl),
    footer: cardText(`Alert ${alertId} · card updated ${formatCardTime(context.nowIso)}`, CARD_LIMITS.footer),
    fallbackText: cardText(`${look.label} alert: ${title}${where}`, CARD_LIMITS.fallbackText),
  };
}
