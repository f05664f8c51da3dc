import type { Alert } from '../../src/domain/alerts/alert';
import type { AlertFilters } from '../../src/domain/alerts/diff-alert';
import type { FoldSettings } from '../../src/domain/storms/decide-fold';

/** Vigil's default storm settings: 5 alerts of one title within 10 minutes fold. */
export const BENCH_STORMS: FoldSettings = { windowMs: 600_000, threshold: 5 };

/** Every severity and open status gets a card. */
export const BENCH_FILTERS: AlertFilters = { minSeverity: 'informational', statuses: ['new', 'inProgress'] };

const SEVERITIES = ['informational', 'low', 'medium', 'high'] as const;

/** A 40-hex-digit machine id from a number. */
export const machineId = (n: number): string => n.toString(16).padStart(40, '0');

/** A realistic MDE alert number `n`, on machine `machine`, with a few evidence items. */
export function benchAlert(n: number, title: string, machine: number, atIso: string): Alert {
  const host = `ws-${String(machine).padStart(4, '0')}.contoso.com`;
  return {
    id: `da638${String(n).padStart(15, '0')}_${1_000_000_000 + n}`,
    source: 'mde',
    title,
    description: `Alert ${n}: a process on ${host} ran an encoded PowerShell command and reached out to an unusual host.`,
    severity: SEVERITIES[n % SEVERITIES.length] ?? 'medium',
    status: 'new',
    category: 'Execution',
    detectionSource: 'WindowsDefenderAtp',
    createdAt: atIso,
    updatedAt: atIso,
    firstEventAt: atIso,
    lastEventAt: atIso,
    machine: { id: machineId(machine), name: host },
    user: { name: `user${machine % 97}`, domain: 'CONTOSO', upn: `user${machine % 97}@contoso.com` },
    mitreTechniques: ['T1059.001', 'T1105'],
    evidence: [
      {
        entityType: 'Process',
        fileName: 'powershell.exe',
        filePath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
        processCommandLine: `powershell.exe -NoProfile -EncodedCommand SQBFAFgA${n}`,
        sha256: 'a'.repeat(64),
        detectionStatus: 'Detected',
      },
      { entityType: 'Ip', ipAddress: `203.0.113.${n % 255}` },
      { entityType: 'Url', url: `https://updates-${n % 50}.example.net/payload` },
    ],
    comments: [],
  };
}
