import type { Severity } from '../alerts/severity';
import type { Machine, MachineLogonUser } from '../machines/machine';
import type { CardFact } from './alert-card-data';
import { CARD_LIMITS } from './card-limits';
import { cardText, joinWithinBudget, jsonCost } from './card-text';
import { formatCardTimeWithAge } from './format-card-time';
import { humanizeName } from './humanize-name';
import { severityLook } from './severity-look';

/** Another open alert of the same machine, as the Isolate form names it. */
export interface OtherOpenAlert {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
}

/** What the caller knows around an isolation, for "look before you isolate". */
export interface AlertIsolateContext {
  /** Who logs on to the machine (MDE's logon users). */
  readonly logonUsers: readonly MachineLogonUser[];
  /** The machine's other alerts not resolved yet (this one left out). */
  readonly otherOpenAlerts: readonly OtherOpenAlert[];
  /** Why the machine is protected (`protectionReason`): its isolation needs a second responder's approval. */
  readonly protectedReason?: string;
}

const WARNING_SUFFIX = ': a second responder must approve the isolation.';

function fact(title: string, value: string): CardFact | undefined {
  return value === '' ? undefined : { title, value };
}

/** "High" for a Defender level; empty when Defender does not know it. */
function level(value: string): string {
  return value === 'unknown' ? '' : cardText(humanizeName(value), CARD_LIMITS.factValue);
}

/** "26 Jan 2021 20:44 UTC (1 min ago)"; empty when Defender's value is not a time. */
function lastSeenText(iso: string, nowIso: string): string {
  if (Number.isNaN(Date.parse(iso))) return '';
  return cardText(formatCardTimeWithAge(iso, nowIso), CARD_LIMITS.factValue);
}

/** "CONTOSO\alice, CONTOSO\bob and 7 more", or "none reported". */
function logonUsersText(users: readonly MachineLogonUser[]): string {
  const names = users.map((user) => (user.domain ? `${user.domain}\\${user.name}` : user.name));
  const list = joinWithinBudget(names, {
    maxCost: CARD_LIMITS.logonUsers,
    itemMaxCost: CARD_LIMITS.logonUser,
    maxItems: CARD_LIMITS.logonUsersShown,
  });
  return list === '' ? 'none reported' : list;
}

/** The severity in a word ("High"), whatever the value holds. */
function severityWord(severity: Severity): string {
  return severityLook(severity).label.replace(/^\S+ /, '');
}

/** "2 — Credential dumping (High); Suspicious PowerShell (Medium)", or "none". */
function otherAlertsText(alerts: readonly OtherOpenAlert[]): string {
  if (alerts.length === 0) return 'none';
  const prefix = `${alerts.length.toLocaleString('en-US')} — `;
  const items = alerts.map(
    (alert) =>
      `${cardText(alert.title, CARD_LIMITS.otherAlertTitle) || 'Untitled alert'} (${severityWord(alert.severity)})`,
  );
  const list = joinWithinBudget(items, {
    maxCost: CARD_LIMITS.otherAlerts - jsonCost(prefix),
    itemMaxCost: CARD_LIMITS.otherAlertTitle + 20,
    maxItems: CARD_LIMITS.otherAlertsShown,
    separator: '; ',
  });
  return `${prefix}${list}`;
}

/**
 * The facts of the Isolate form ("look before you isolate"): tags, risk, exposure, last seen (with its
 * age against `nowIso`), logged-on users and the machine's other open alerts, each only when known.
 */
export function toIsolateFacts(
  machine: Machine | undefined,
  context: AlertIsolateContext | undefined,
  nowIso: string,
): CardFact[] {
  const tags = joinWithinBudget(machine?.tags ?? [], {
    maxCost: CARD_LIMITS.factList,
    itemMaxCost: CARD_LIMITS.factListItem,
  });
  const lastSeen = machine?.lastSeen ? lastSeenText(machine.lastSeen, nowIso) : '';
  const rows = [
    fact('Tags', tags),
    fact('Risk', machine ? level(machine.riskScore) : ''),
    fact('Exposure', machine ? level(machine.exposureLevel) : ''),
    fact('Last seen', lastSeen),
    context ? fact('Logged-on users', logonUsersText(context.logonUsers)) : undefined,
    context ? fact('Other open alerts', otherAlertsText(context.otherOpenAlerts)) : undefined,
  ];
  return rows.filter((row): row is CardFact => row !== undefined);
}

/** "dc01 is protected (tag tier0): a second responder must approve the isolation."; undefined when not protected. */
export function toIsolateWarning(protectedReason: string | undefined): string | undefined {
  const reason = cardText(protectedReason, CARD_LIMITS.isolateWarning - jsonCost(WARNING_SUFFIX));
  return reason === '' ? undefined : `${reason}${WARNING_SUFFIX}`;
}
