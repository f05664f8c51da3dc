import type { Alert } from '../../../src/domain/alerts/alert';
import type { Machine } from '../../../src/domain/machines/machine';

/** A realistic MDE alert for card tests; any field can be overridden. */
export function buildAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'da637472900382838869_1364969609',
    source: 'mde',
    title: 'Ransomware behavior detected in the file system',
    description: 'A process encrypted many files and dropped ransom notes.',
    severity: 'high',
    status: 'new',
    category: 'Ransomware',
    detectionSource: 'WindowsDefenderAtp',
    createdAt: '2021-01-26T20:33:57.7220239Z',
    updatedAt: '2021-01-26T20:35:00Z',
    firstEventAt: '2021-01-26T20:31:00Z',
    lastEventAt: '2021-01-26T20:33:00Z',
    machine: { id: '4b1a0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b', name: 'ws-042.contoso.com' },
    user: { name: 'amy', domain: 'CONTOSO', upn: 'amy@contoso.com' },
    mitreTechniques: ['T1486', 'T1490'],
    evidence: [
      {
        entityType: 'Process',
        fileName: 'powershell.exe',
        processCommandLine: 'powershell.exe -NoProfile -EncodedCommand SQBFAFgA',
        detectionStatus: 'Detected',
      },
      { entityType: 'Ip', ipAddress: '203.0.113.77' },
    ],
    comments: [],
    ...overrides,
  };
}

/** Defender's record of the alert's machine, for card tests. */
export function buildMachine(overrides: Partial<Machine> = {}): Machine {
  return {
    id: '4b1a0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b',
    name: 'ws-042.contoso.com',
    osPlatform: 'Windows11',
    osVersion: '22H2',
    riskScore: 'high',
    exposureLevel: 'medium',
    healthStatus: 'Active',
    tags: ['finance', 'tier1'],
    ...overrides,
  };
}

/** The time cards are drawn at in these tests: 12 minutes after `buildAlert()` was created. */
export const NOW_ISO = '2021-01-26T20:45:58Z';
