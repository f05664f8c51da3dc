import type { McasAlert } from '../model/mcas-types';
import type { MdeAlert, MdeEvidence } from '../model/mde-types';
import type { SimState } from '../state/sim-state';
import { alertSources, formatTechniques } from './hunting-alert-sources';
import { completeRow } from './hunting-row';
import { HUNTING_SCHEMAS } from './hunting-schemas';
import type { KqlRow, KqlScalar } from './kql-types';

const MCAS_SEVERITIES = ['Low', 'Medium', 'High', 'Informational'];
const MCAS_TACTICS: Readonly<Record<number, string>> = {
  2: 'InitialAccess',
  3: 'Persistence',
  4: 'PrivilegeEscalation',
  5: 'DefenseEvasion',
  6: 'CredentialAccess',
  7: 'Discovery',
  8: 'LateralMovement',
  9: 'Execution',
  10: 'Collection',
  11: 'Exfiltration',
  12: 'CommandAndControl',
  13: 'Impact',
};

const inWindow = (time: number, fromMs: number, toMs: number) => time >= fromMs && time <= toMs;

/** The alert columns AlertInfo and AlertEvidence share. */
function alertColumns(alert: MdeAlert): Record<string, KqlScalar> {
  const sources = alertSources(alert.detectionSource);
  return {
    Timestamp: Date.parse(alert.alertCreationTime),
    AlertId: alert.id,
    Title: alert.title,
    Severity: alert.severity,
    ServiceSource: sources.service,
    DetectionSource: sources.detection,
    AttackTechniques: formatTechniques(alert.mitreTechniques),
  };
}

function mcasInfoRow(alert: McasAlert): KqlRow {
  return completeRow(HUNTING_SCHEMAS.AlertInfo, {
    Timestamp: alert.timestamp,
    AlertId: `ca${alert._id}`,
    Title: alert.title,
    Category: MCAS_TACTICS[alert.intent[0] ?? 0] ?? 'SuspiciousActivity',
    Severity: MCAS_SEVERITIES[alert.severityValue] ?? 'Informational',
    ServiceSource: 'Microsoft Defender for Cloud Apps',
    DetectionSource: 'Microsoft Defender for Cloud Apps',
  });
}

/** AlertInfo: one row per MDE and Cloud Apps alert the simulator holds now, oldest first. */
export function alertInfoRows(state: SimState, fromMs: number, toMs: number): KqlRow[] {
  const mde = [...state.alerts.values()].map((alert) =>
    completeRow(HUNTING_SCHEMAS.AlertInfo, { ...alertColumns(alert), Category: alert.category }),
  );
  const rows = [...mde, ...[...state.mcasAlerts.values()].map(mcasInfoRow)];
  return rows
    .filter((row) => inWindow(row.Timestamp as number, fromMs, toMs))
    .sort((a, b) => (a.Timestamp as number) - (b.Timestamp as number));
}

function evidenceColumns(e: MdeEvidence): Record<string, KqlScalar> {
  return {
    EntityType: e.entityType,
    EvidenceRole: 'Related',
    EvidenceDirection: e.ipAddress ? 'Destination' : '',
    FileName: e.fileName,
    FolderPath: e.filePath && e.fileName ? `${e.filePath.replace(/\\$/, '')}\\${e.fileName}` : e.filePath,
    SHA1: e.sha1,
    SHA256: e.sha256,
    RemoteIP: e.ipAddress,
    RemoteUrl: e.url,
    AccountName: e.accountName,
    AccountDomain: e.domainName,
    AccountSid: e.userSid,
    AccountObjectId: e.aadUserId,
    AccountUpn: e.userPrincipalName,
    ProcessCommandLine: e.processCommandLine,
    RegistryKey: e.registryKey,
    RegistryValueData: e.registryValue,
  };
}

function evidenceRows(alert: MdeAlert): KqlRow[] {
  const common = { ...alertColumns(alert), Categories: JSON.stringify([alert.category]) };
  const device = { DeviceId: alert.machineId, DeviceName: alert.computerDnsName };
  const rows: Array<Record<string, KqlScalar>> = [];
  if (alert.machineId) rows.push({ ...common, ...device, EntityType: 'Machine', EvidenceRole: 'Impacted' });
  if (alert.relatedUser) {
    const { userName, domainName } = alert.relatedUser;
    rows.push({
      ...common,
      EntityType: 'User',
      EvidenceRole: 'Impacted',
      AccountName: userName,
      AccountDomain: domainName,
    });
  }
  for (const e of alert.evidence) rows.push({ ...common, ...device, ...evidenceColumns(e) });
  return rows.map((row) => completeRow(HUNTING_SCHEMAS.AlertEvidence, row));
}

/** AlertEvidence: the machine, user and evidence entities of every MDE alert, oldest alert first. */
export function alertEvidenceRows(state: SimState, fromMs: number, toMs: number): KqlRow[] {
  return [...state.alerts.values()]
    .filter((alert) => inWindow(Date.parse(alert.alertCreationTime), fromMs, toMs))
    .sort((a, b) => Date.parse(a.alertCreationTime) - Date.parse(b.alertCreationTime))
    .flatMap(evidenceRows);
}
