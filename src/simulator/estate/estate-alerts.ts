import type { MdeAlert, MdeMachine, MdeUser } from '../model/mde-types';
import { alertTemplate } from './alert-templates';
import { type AlertUser, buildAlert } from './build-alert';
import { ESTATE_DOMAIN } from './estate-machines';
import { UPN_SUFFIX } from './estate-users';
import { estateAlertId, hashInt } from './mde-ids';
import { MINUTE_MS, toMdeTime } from './mde-time';

/** One open alert of the initial estate. */
interface EstateAlertSeed {
  readonly template: string;
  readonly host: string;
  /** An estate user's name, or a local account as `{userName, domainName}`. */
  readonly user: string | { readonly userName: string; readonly domainName: string };
  readonly ageMin: number;
  readonly incidentId: number;
  readonly investigationId: number | null;
  readonly investigationState: string;
  /** An alert already picked up by an analyst. */
  readonly triage?: { readonly assignedTo: string; readonly comment: string; readonly minutesLater: number };
}

const ESTATE_ALERT_SEEDS: readonly EstateAlertSeed[] = [
  {
    template: 'ransomware',
    host: 'fin-ws-001',
    user: 'alice',
    ageMin: 12,
    incidentId: 101,
    investigationId: 5001,
    investigationState: 'Running',
  },
  {
    template: 'mimikatz',
    host: 'helpdesk-ws-001',
    user: 'ivan',
    ageMin: 40,
    incidentId: 102,
    investigationId: 5002,
    investigationState: 'PendingApproval',
  },
  {
    template: 'remote-service',
    host: 'dc01',
    user: 'bob',
    ageMin: 25,
    incidentId: 103,
    investigationId: 5003,
    investigationState: 'Running',
  },
  {
    template: 'encoded-powershell',
    host: 'dev-ws-001',
    user: 'dave',
    ageMin: 180,
    incidentId: 104,
    investigationId: 5004,
    investigationState: 'PartiallyInvestigated',
    triage: {
      assignedTo: 'grace@contoso.com',
      comment: 'Looking at the Word macro that launched this.',
      minutesLater: 60,
    },
  },
  {
    template: 'reverse-shell',
    host: 'web01',
    user: { userName: 'www-data', domainName: 'web01' },
    ageMin: 120,
    incidentId: 105,
    investigationId: null,
    investigationState: 'UnsupportedOs',
  },
  {
    template: 'cmd-recon',
    host: 'sales-lt-001',
    user: 'erin',
    ageMin: 360,
    incidentId: 106,
    investigationId: 5006,
    investigationState: 'Queued',
  },
  {
    template: 'unwanted-software',
    host: 'mkt-lt-001',
    user: 'judy',
    ageMin: 1080, // 18 h: inside a first poll's default 24-hour window
    incidentId: 107,
    investigationId: null,
    investigationState: 'UnsupportedAlertType',
  },
];

function alertUser(seed: EstateAlertSeed, users: ReadonlyArray<{ user: MdeUser }>): AlertUser {
  if (typeof seed.user !== 'string') return { ...seed.user, userSid: null, userPrincipalName: null };
  const name = seed.user;
  const entry = users.find((u) => u.user.accountName === name);
  if (!entry) throw new Error(`estate alert names an unknown user ${name}`);
  return {
    userName: name,
    domainName: entry.user.accountDomain.toUpperCase(),
    userSid: entry.user.accountSid,
    userPrincipalName: `${name}@${UPN_SUFFIX}`,
  };
}

function triaged(alert: MdeAlert, seed: EstateAlertSeed, createdMs: number): MdeAlert {
  if (!seed.triage) return alert;
  const when = toMdeTime(createdMs + seed.triage.minutesLater * MINUTE_MS);
  return {
    ...alert,
    status: 'InProgress',
    assignedTo: seed.triage.assignedTo,
    lastUpdateTime: when,
    comments: [{ comment: seed.triage.comment, createdBy: seed.triage.assignedTo, createdTime: when }],
  };
}

/** The estate's 7 open alerts (ids fixed across starts, times relative to now), newest first. */
export function buildEstateAlerts(
  nowMs: number,
  machines: readonly MdeMachine[],
  users: ReadonlyArray<{ user: MdeUser }>,
): MdeAlert[] {
  const alerts = ESTATE_ALERT_SEEDS.map((seed) => {
    const machine = machines.find((m) => m.computerDnsName === `${seed.host}.${ESTATE_DOMAIN}`);
    if (!machine) throw new Error(`estate alert names an unknown host ${seed.host}`);
    const createdMs = nowMs - seed.ageMin * MINUTE_MS - (hashInt(`age:${seed.template}`) % MINUTE_MS);
    const alert = buildAlert({
      id: estateAlertId(`${seed.template}@${seed.host}`),
      template: alertTemplate(seed.template),
      machine,
      user: alertUser(seed, users),
      createdMs,
      incidentId: seed.incidentId,
      investigationId: seed.investigationId,
      investigationState: seed.investigationState,
    });
    return triaged(alert, seed, createdMs);
  });
  return alerts.sort((a, b) => (a.alertCreationTime < b.alertCreationTime ? 1 : -1));
}
