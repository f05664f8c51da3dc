import type { Alert, AlertSource } from '../alerts/alert';
import type { Machine } from '../machines/machine';
import type { AlertCardData, CardMachineRef, CardStatusLine, CardTone } from './alert-card-data';
import { CARD_LIMITS } from './card-limits';
import { cardText, jsonCost } from './card-text';
import { formatCardTime } from './format-card-time';
import { humanizeName } from './humanize-name';
import { severityLook } from './severity-look';
import { toAlertFacts } from './to-alert-facts';
import { toEvidenceLines } from './to-evidence-lines';
import { type AlertFold, toFoldSummary } from './to-fold-summary';

/** The Defender portal used for links when the caller names none. */
export const DEFAULT_PORTAL_URL = 'https://security.microsoft.com';

/** What the card shows besides the alert itself. Nothing here is read from a clock or the network. */
export interface AlertCardContext {
  /** Defender's record of the alert's machine, when known: adds OS, risk, exposure and tags. */
  readonly machine?: Machine;
  /** Set when the card stands for a folded storm of similar alerts. */
  readonly fold?: AlertFold;
  /** The status line, e.g. "Isolation requested by Ana at 20:41 UTC"; hidden when absent. */
  readonly status?: { readonly text: string; readonly tone: CardTone };
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

const TONE_LOOKS: Readonly<Record<CardTone, Omit<CardStatusLine, 'text'>>> = {
  good: { style: 'good', color: 'good' },
  warning: { style: 'warning', color: 'warning' },
  attention: { style: 'attention', color: 'attention' },
  default: { style: 'emphasis', color: 'default' },
};

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

function statusLine(status: { text: string; tone: CardTone }): CardStatusLine {
  const look = Object.hasOwn(TONE_LOOKS, status.tone) ? TONE_LOOKS[status.tone] : TONE_LOOKS.default;
  return { text: cardText(status.text, CARD_LIMITS.status) || '—', ...look };
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
    ...(context.status ? { status: statusLine(context.status) } : {}),
    resolvable: alert.status !== 'resolved',
    portalUrl: portalLink(alert, alertId, context.portalUrl),
    footer: cardText(`Alert ${alertId} · card updated ${formatCardTime(context.nowIso)}`, CARD_LIMITS.footer),
    fallbackText: cardText(`${look.label} alert: ${title}${where}`, CARD_LIMITS.fallbackText),
  };
}
