import type {
  Alert,
  AlertClassification,
  AlertComment,
  AlertEvidence,
  AlertStatus,
  AlertUser,
} from '../../domain/alerts/alert';
import type { Severity } from '../../domain/alerts/severity';
import { isoFromEpochMs } from './iso-time';
import type { McasAlertDto, McasEntityDto } from './mcas-schemas';
import { withoutUndefined } from './without-undefined';

/** MCAS `severityValue`: 0 LOW, 1 MEDIUM, 2 HIGH, 3 INFORMATIONAL. */
export const MCAS_SEVERITIES: Readonly<Record<number, Severity>> = {
  0: 'low',
  1: 'medium',
  2: 'high',
  3: 'informational',
};

/** MCAS `resolutionStatusValue` 3–5 as Vigil classifications (1 dismissed and 2 resolved have none). */
const CLASSIFICATIONS: Readonly<Record<number, AlertClassification>> = {
  3: 'falsePositive',
  4: 'informationalExpectedActivity',
  5: 'truePositive',
};

/** MCAS `stories`, used as the alert's category. */
const STORIES: Readonly<Record<number, string>> = {
  0: 'ThreatDetection',
  1: 'PrivilegedAccountMonitoring',
  2: 'Compliance',
  3: 'DataLossPrevention',
  4: 'Discovery',
  5: 'SharingControl',
  7: 'AccessControl',
  8: 'ConfigurationMonitoring',
};

/** 0 OPEN is `new`; every other resolution (dismissed, resolved, FP, benign, TP) is `resolved`. */
export function mapMcasStatus(resolutionStatusValue: number): AlertStatus {
  return resolutionStatusValue === 0 ? 'new' : 'resolved';
}

/** The user of an `account` entity: `upn` is its `pa`, `name` the UPN's local part. */
export function mapMcasUser(entities: readonly McasEntityDto[]): AlertUser | undefined {
  const account = entities.find((entity) => entity.type === 'account' && (entity.pa || entity.label));
  if (!account) return undefined;
  const upn = account.pa || undefined;
  const name = (upn ?? account.label ?? '').split('@')[0] ?? '';
  return upn ? { name, upn } : { name };
}

function mapEntity(entity: McasEntityDto): AlertEvidence | undefined {
  const label = entity.label || undefined;
  switch (entity.type) {
    case 'account':
      return withoutUndefined({
        entityType: 'User',
        accountName: label,
        userPrincipalName: entity.pa || undefined,
      }) as AlertEvidence;
    case 'ip':
      return label ? { entityType: 'Ip', ipAddress: label } : undefined;
    case 'file':
      return label ? { entityType: 'File', fileName: label } : undefined;
    default:
      return undefined;
  }
}

function mapComments(dto: McasAlertDto): AlertComment[] {
  if (!dto.comment) return [];
  const createdAt = isoFromEpochMs(dto.resolveTime ?? dto.timestamp);
  return [{ text: dto.comment, createdAt, ...(dto.handledByUser ? { createdBy: dto.handledByUser } : {}) }];
}

/** Maps a validated MCAS alert into Vigil's one `Alert` (`source: 'mcas'`; MCAS alerts have no machine). */
export function mapMcasAlert(dto: McasAlertDto): Alert {
  const entities = dto.entities ?? [];
  const resolved = dto.resolutionStatusValue !== 0 && dto.resolveTime ? dto.resolveTime : undefined;
  return {
    id: dto._id,
    source: 'mcas',
    title: dto.title,
    description: dto.description ?? '',
    severity: MCAS_SEVERITIES[dto.severityValue] ?? 'informational',
    status: mapMcasStatus(dto.resolutionStatusValue),
    category: STORIES[dto.stories?.[0] ?? -1] ?? 'General',
    detectionSource: 'cloudAppSecurity',
    createdAt: isoFromEpochMs(dto.timestamp),
    updatedAt: isoFromEpochMs(Math.max(dto.timestamp, dto.resolveTime ?? 0)),
    ...withoutUndefined({
      resolvedAt: resolved === undefined ? undefined : isoFromEpochMs(resolved),
      user: mapMcasUser(entities),
      classification: CLASSIFICATIONS[dto.resolutionStatusValue],
      portalUrl: dto.URL || undefined,
    }),
    mitreTechniques: [],
    evidence: entities.map(mapEntity).filter((item): item is AlertEvidence => item !== undefined),
    comments: mapComments(dto),
  };
}
