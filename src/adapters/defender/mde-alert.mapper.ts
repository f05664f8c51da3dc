import type {
  Alert,
  AlertClassification,
  AlertComment,
  AlertEvidence,
  AlertStatus,
  AlertUser,
} from '../../domain/alerts/alert';
import { parseSeverity } from '../../domain/alerts/severity';
import { isoTime, optionalIsoTime } from './iso-time';
import type { MdeAlertDto, MdeEvidenceDto } from './mde-schemas';
import { withoutUndefined } from './without-undefined';

const STATUSES: Readonly<Record<string, AlertStatus>> = {
  new: 'new',
  unknown: 'new',
  inprogress: 'inProgress',
  resolved: 'resolved',
};

const CLASSIFICATIONS: Readonly<Record<string, AlertClassification>> = {
  truepositive: 'truePositive',
  falsepositive: 'falsePositive',
  informationalexpectedactivity: 'informationalExpectedActivity',
};

const EVIDENCE_KEYS = [
  'fileName',
  'filePath',
  'sha1',
  'sha256',
  'processCommandLine',
  'ipAddress',
  'url',
  'accountName',
  'domainName',
  'userPrincipalName',
  'registryKey',
  'detectionStatus',
] as const satisfies readonly (keyof AlertEvidence & keyof MdeEvidenceDto)[];

/** The portal page of an MDE alert. */
export function mdeAlertPortalUrl(alertId: string): string {
  return `https://security.microsoft.com/alerts/${encodeURIComponent(alertId)}`;
}

/** Maps MDE's alert status (any case) to Vigil's; `Unknown` and anything new count as `new`. */
export function mapMdeAlertStatus(status: string): AlertStatus {
  return STATUSES[status.toLowerCase()] ?? 'new';
}

/** Maps MDE's PascalCase classification to Vigil's camelCase one; `Unknown` gives undefined. */
export function mapMdeClassification(value: string | null | undefined): AlertClassification | undefined {
  return value ? CLASSIFICATIONS[value.toLowerCase()] : undefined;
}

/** One evidence item with its null (unused) keys left out. */
export function mapMdeEvidence(dto: MdeEvidenceDto): AlertEvidence {
  const evidence: Record<string, string> = { entityType: dto.entityType };
  for (const key of EVIDENCE_KEYS) {
    const value = dto[key];
    if (value !== null && value !== undefined && value !== '') evidence[key] = value;
  }
  return evidence as unknown as AlertEvidence;
}

function mapUser(dto: MdeAlertDto, evidence: readonly AlertEvidence[]): AlertUser | undefined {
  if (!dto.relatedUser) return undefined;
  const { userName, domainName } = dto.relatedUser;
  const account = evidence.find(
    (item) => item.userPrincipalName && item.accountName?.toLowerCase() === userName.toLowerCase(),
  );
  return {
    name: userName,
    ...(domainName ? { domain: domainName } : {}),
    ...(account?.userPrincipalName ? { upn: account.userPrincipalName } : {}),
  };
}

function mapComments(dto: MdeAlertDto): AlertComment[] {
  return (dto.comments ?? [])
    .filter((c) => c.comment)
    .map((c) => ({
      text: c.comment ?? '',
      ...(c.createdBy ? { createdBy: c.createdBy } : {}),
      createdAt: optionalIsoTime(c.createdTime) ?? isoTime(dto.alertCreationTime),
    }));
}

/** Maps a validated MDE alert into Vigil's one `Alert` (`source: 'mde'`). */
export function mapMdeAlert(dto: MdeAlertDto): Alert {
  const evidence = (dto.evidence ?? []).map(mapMdeEvidence);
  const user = mapUser(dto, evidence);
  const classification = mapMdeClassification(dto.classification);
  const optional = {
    firstEventAt: optionalIsoTime(dto.firstEventTime),
    lastEventAt: optionalIsoTime(dto.lastEventTime),
    resolvedAt: optionalIsoTime(dto.resolvedTime),
    machine: dto.machineId ? { id: dto.machineId, name: dto.computerDnsName || dto.machineId } : undefined,
    user,
    assignedTo: dto.assignedTo || undefined,
    classification,
    determination: dto.determination || undefined,
    threatName: dto.threatName || dto.threatFamilyName || undefined,
    incidentId: dto.incidentId === null || dto.incidentId === undefined ? undefined : String(dto.incidentId),
  };
  return {
    id: dto.id,
    source: 'mde',
    title: dto.title,
    description: dto.description ?? '',
    severity: parseSeverity(dto.severity) ?? 'informational',
    status: mapMdeAlertStatus(dto.status),
    category: dto.category || 'General',
    detectionSource: dto.detectionSource || 'Unknown',
    createdAt: isoTime(dto.alertCreationTime),
    updatedAt: isoTime(dto.lastUpdateTime ?? dto.alertCreationTime),
    ...withoutUndefined(optional),
    mitreTechniques: dto.mitreTechniques ?? [],
    evidence,
    comments: mapComments(dto),
    portalUrl: mdeAlertPortalUrl(dto.id),
  };
}
