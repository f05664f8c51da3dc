import type { Alert, AlertUser } from '../alerts/alert';
import type { Machine } from '../machines/machine';
import type { CardFact } from './alert-card-data';
import { CARD_LIMITS } from './card-limits';
import { cardText, joinWithinBudget } from './card-text';
import { formatCardSpan, formatCardTimeWithAge } from './format-card-time';
import { humanizeName } from './humanize-name';

/** Friendly names of MDE detection sources (defender-api.md §2); others are shown as they come. */
const DETECTION_SOURCES: ReadonlyMap<string, string> = new Map([
  ['WindowsDefenderAtp', 'EDR'],
  ['WindowsDefenderAv', 'Antivirus'],
  ['WindowsDefenderSmartScreen', 'SmartScreen'],
  ['CustomerTI', 'Custom threat indicator'],
  ['CustomDetection', 'Custom detection'],
  ['AutomatedInvestigation', 'Automated investigation'],
  ['MTP', 'Microsoft Defender XDR'],
  ['OfficeATP', 'Defender for Office 365'],
  ['ThreatExperts', 'Microsoft Threat Experts'],
  ['ThirdPartySensors', 'Third-party sensors'],
  ['MCAS', 'Defender for Cloud Apps'],
  ['AzureATP', 'Defender for Identity'],
]);

function userText(user: AlertUser): string {
  const name = user.domain ? `${user.domain}\\${user.name}` : user.name;
  return user.upn && user.upn !== name ? `${name} (${user.upn})` : name;
}

function osText(machine: Machine): string {
  return machine.osVersion ? `${machine.osPlatform} (${machine.osVersion})` : machine.osPlatform;
}

function listFact(title: string, items: readonly string[]): CardFact | undefined {
  const value = joinWithinBudget(items, {
    maxCost: CARD_LIMITS.factList,
    itemMaxCost: CARD_LIMITS.factListItem,
  });
  return value === '' ? undefined : { title, value };
}

function fact(title: string, raw: string | undefined): CardFact | undefined {
  const value = cardText(raw, CARD_LIMITS.factValue);
  return value === '' ? undefined : { title, value };
}

/** "High risk", "No risk", "Risk unknown": a Defender level in words. */
function levelText(level: string, noun: string): string {
  if (level === 'none') return `No ${noun}`;
  if (level === 'unknown') return `${humanizeName(noun)} unknown`;
  return `${humanizeName(level)} ${noun}`;
}

/** The machine rows: name, OS, risk and exposure, tags (the last three only when Defender's record is known). */
function machineFacts(alert: Alert, machine: Machine | undefined): (CardFact | undefined)[] {
  const name = machine?.name ?? alert.machine?.name;
  if (machine === undefined) return [fact('Machine', name)];
  const risk = `${levelText(machine.riskScore, 'risk')} · ${levelText(machine.exposureLevel, 'exposure')}`;
  return [
    fact('Machine', name),
    fact('OS', osText(machine)),
    fact('Risk', risk),
    listFact('Tags', machine.tags),
  ];
}

/** The alert's status in words: "Resolved · True positive · Malware". */
function statusText(alert: Alert): string {
  const parts = [alert.status, alert.classification, alert.determination];
  return parts
    .filter((part): part is string => part !== undefined && part !== '')
    .map(humanizeName)
    .join(' · ');
}

/** The card's fact set for an alert: machine, user, category, MITRE, detection source, times, people. */
export function toAlertFacts(alert: Alert, machine: Machine | undefined, nowIso: string): CardFact[] {
  const activity =
    alert.firstEventAt && alert.lastEventAt
      ? formatCardSpan(alert.firstEventAt, alert.lastEventAt)
      : undefined;
  const rows = [
    ...machineFacts(alert, machine),
    fact('User', alert.user ? userText(alert.user) : undefined),
    fact('Category', humanizeName(alert.category)),
    listFact('MITRE ATT&CK', alert.mitreTechniques),
    fact('Detection source', DETECTION_SOURCES.get(alert.detectionSource) ?? alert.detectionSource),
    fact('Threat', alert.threatName),
    fact('Created', formatCardTimeWithAge(alert.createdAt, nowIso)),
    fact('Activity', activity),
    fact('Status', statusText(alert)),
    fact('Assigned to', alert.assignedTo),
    fact('Incident', alert.incidentId),
  ];
  return rows.filter((row): row is CardFact => row !== undefined);
}
