import { SIM_TENANT_ID } from '../auth/sim-credentials';
import type { MdeAlert, MdeMachine } from '../model/mde-types';
import type { AlertTemplate, EvidenceDraft } from './alert-templates';
import { makeEvidence } from './mde-evidence';
import { guidFrom } from './mde-ids';
import { MINUTE_MS, toMdeTime } from './mde-time';

/** The account an alert names: `relatedUser` plus, for directory users, what User evidence carries. */
export interface AlertUser {
  readonly userName: string;
  readonly domainName: string;
  /** Known for directory users; null for local accounts such as `www-data`. */
  readonly userSid: string | null;
  readonly userPrincipalName: string | null;
}

/** Everything a new alert is made from; fields MDE would fill are derived from these. */
export interface AlertBuildInput {
  readonly id: string;
  readonly template: AlertTemplate;
  readonly machine: MdeMachine | null;
  readonly user: AlertUser | null;
  readonly createdMs: number;
  readonly incidentId: number | null;
  readonly investigationId?: number | null;
  readonly investigationState?: string | null;
}

function userEvidence(user: AlertUser): EvidenceDraft {
  return {
    entityType: 'User',
    accountName: user.userName,
    domainName: user.domainName,
    userSid: user.userSid,
    aadUserId: user.userPrincipalName ? guidFrom(`aad-user:${user.userPrincipalName}`) : null,
    userPrincipalName: user.userPrincipalName,
  };
}

/** A complete alert as MDE serves it, from a template placed on a machine at a time. */
export function buildAlert(input: AlertBuildInput): MdeAlert {
  const { template, machine, user, createdMs } = input;
  const host = machine ? (machine.computerDnsName.split('.')[0] ?? machine.computerDnsName) : 'the device';
  const userName = user?.userName ?? 'SYSTEM';
  const created = toMdeTime(createdMs);
  const drafts = [
    ...template.evidence({ host, userName, timeMs: createdMs }),
    ...(user ? [userEvidence(user)] : []),
  ];
  return {
    id: input.id,
    incidentId: input.incidentId,
    investigationId: input.investigationId ?? null,
    assignedTo: null,
    severity: template.severity,
    status: 'New',
    classification: null,
    determination: null,
    investigationState: input.investigationState ?? 'Queued',
    detectionSource: template.detectionSource,
    detectorId: guidFrom(`detector:${template.key}`),
    category: template.category,
    threatFamilyName: template.threatFamilyName,
    threatName: template.threatName,
    title: template.title,
    description: template.description.replaceAll('{host}', host).replaceAll('{user}', userName),
    alertCreationTime: created,
    firstEventTime: toMdeTime(createdMs - 6 * MINUTE_MS),
    lastEventTime: toMdeTime(createdMs - MINUTE_MS),
    lastUpdateTime: created,
    resolvedTime: null,
    machineId: machine?.id ?? null,
    computerDnsName: machine?.computerDnsName ?? null,
    rbacGroupName: machine?.rbacGroupName ?? null,
    aadTenantId: SIM_TENANT_ID,
    mitreTechniques: [...template.mitreTechniques],
    relatedUser: user ? { userName: user.userName, domainName: user.domainName } : null,
    comments: [],
    evidence: drafts.map((draft) => makeEvidence({ evidenceCreationTime: created, ...draft })),
  };
}
