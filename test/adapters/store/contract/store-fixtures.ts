import type { ResponseAction } from '../../../../src/domain/actions/response-action';
import type { Alert } from '../../../../src/domain/alerts/alert';
import { parseRule } from '../../../../src/domain/rules/parse-rule';
import type { StoredRule, StoreTx } from '../../../../src/services/ports/store.port';

/** An instant on 1 January 2026, `minute` minutes after 10:00 UTC, in the store's canonical form. */
export function at(minute: number): string {
  return new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
}

/** A complete MDE alert; override what a test is about. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'da-1',
    source: 'mde',
    title: 'Suspicious PowerShell command line',
    description: 'A process ran an encoded PowerShell command.',
    severity: 'high',
    status: 'new',
    category: 'Execution',
    detectionSource: 'WindowsDefenderAtp',
    createdAt: at(0),
    updatedAt: at(0),
    machine: { id: 'machine-1', name: 'pc-finance-01' },
    user: { name: 'alice', domain: 'contoso', upn: 'alice@contoso.com' },
    mitreTechniques: ['T1059.001'],
    evidence: [
      { entityType: 'Process', fileName: 'powershell.exe', processCommandLine: 'powershell -enc …' },
    ],
    comments: [],
    ...overrides,
  };
}

/** An open isolation of `machine-1`, queued and due at 10:01; override what a test is about. */
export function makeAction(overrides: Partial<ResponseAction> = {}): ResponseAction {
  return {
    id: 'act-1',
    requestKey: 'isolation:machine-1',
    kind: 'isolate',
    origin: 'card',
    tenantId: 'tenant-1',
    alertId: 'da-1',
    machineId: 'machine-1',
    machineName: 'pc-finance-01',
    params: { isolationType: 'Full', reason: 'Encoded PowerShell' },
    requestedBy: { aadObjectId: 'ana', name: 'Ana Analyst' },
    requestedAt: at(0),
    state: 'queued',
    attempts: 0,
    nextCheckAt: at(1),
    updatedAt: at(0),
    ...overrides,
  };
}

/** The definition of the fixture rule: isolate (full) on high-severity alerts and tell the channel. */
const HIGH_SEV_ISOLATE = parseRule(
  '"High sev isolate" when severity = high then isolate full, notify channel',
);

/** An enabled rule `r1`, "High sev isolate", added by Ada at 10:00; override what a test is about. */
export function makeRule(overrides: Partial<StoredRule> = {}): StoredRule {
  return {
    id: 'r1',
    definition: HIGH_SEV_ISOLATE,
    enabled: true,
    createdBy: { aadObjectId: 'ada', name: 'Ada Admin' },
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/** Stores an alert and a fold group rooted on it, as ingest does before queueing its card. */
export async function seedGroup(repos: StoreTx, groupId: string, minute = 0): Promise<void> {
  const alertId = `alert-of-${groupId}`;
  await repos.alerts.save(
    makeAlert({ id: alertId, createdAt: at(minute), updatedAt: at(minute) }),
    at(minute),
  );
  await repos.folds.create({ id: groupId, titleKey: 'mde:test', rootAlertId: alertId, at: at(minute) });
}

/** Waits for the rest of the event loop's current turn, so other async work can interleave. */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
