import type { MdeAlert } from '../../model/mde-types';
import type { ODataSpec } from '../../odata/apply-odata-query';
import { ALERT_SEVERITIES, ALERT_STATUSES } from './alert-enums';

const filterable = true;

/**
 * How `GET /api/alerts` (and a machine's alerts) answer OData: `$filter` on the properties MDE documents
 * (alertCreationTime, lastUpdateTime, lastEventTime, incidentId, investigationId, id, assignedTo,
 * detectionSource, status, severity, category); default order newest first; `$expand=evidence`.
 */
export const ALERT_ODATA_SPEC: ODataSpec<MdeAlert> = {
  entityType: 'Alert',
  entitySet: 'Alerts',
  defaultOrderBy: 'alertCreationTime desc',
  expandable: ['evidence'],
  fields: {
    id: { type: 'string', filterable },
    incidentId: { type: 'number', filterable },
    investigationId: { type: 'number', filterable },
    assignedTo: { type: 'string', filterable },
    severity: { type: 'enum', filterable, values: ALERT_SEVERITIES },
    status: { type: 'enum', filterable, values: ALERT_STATUSES },
    classification: { type: 'enum' },
    determination: { type: 'enum' },
    investigationState: { type: 'enum' },
    detectionSource: { type: 'string', filterable },
    detectorId: { type: 'string' },
    category: { type: 'string', filterable },
    threatFamilyName: { type: 'string' },
    threatName: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    alertCreationTime: { type: 'datetime', filterable },
    firstEventTime: { type: 'datetime' },
    lastEventTime: { type: 'datetime', filterable },
    lastUpdateTime: { type: 'datetime', filterable },
    resolvedTime: { type: 'datetime' },
    machineId: { type: 'string' },
    computerDnsName: { type: 'string' },
    rbacGroupName: { type: 'string' },
    aadTenantId: { type: 'string' },
    mitreTechniques: { type: 'stringArray' },
    relatedUser: { type: 'object' },
    comments: { type: 'object' },
    evidence: { type: 'object' },
  },
};
