import type { MdeMachineAction } from '../../model/mde-types';
import type { ODataSpec } from '../../odata/odata-spec';

const STATUSES = ['Pending', 'InProgress', 'Succeeded', 'Failed', 'TimeOut', 'Cancelled'];
const TYPES = [
  'RunAntiVirusScan',
  'Offboard',
  'LiveResponse',
  'CollectInvestigationPackage',
  'Isolate',
  'Unisolate',
  'StopAndQuarantineFile',
  'RestrictCodeExecution',
  'UnrestrictCodeExecution',
];

/**
 * `GET /api/machineactions` as OData sees it: `$filter` on id, status, machineId, type, requestor and
 * creationDateTimeUtc (defender-api.md §4), newest first unless `$orderby` says otherwise.
 */
export const MACHINE_ACTION_ODATA_SPEC: ODataSpec<MdeMachineAction> = {
  entityType: 'MachineAction',
  entitySet: 'MachineActions',
  defaultOrderBy: 'creationDateTimeUtc desc',
  fields: {
    id: { type: 'string', filterable: true },
    type: { type: 'enum', filterable: true, values: TYPES },
    scope: { type: 'string' },
    title: { type: 'string' },
    requestor: { type: 'string', filterable: true },
    requestorComment: { type: 'string' },
    requestSource: { type: 'string' },
    externalID: { type: 'string' },
    status: { type: 'enum', filterable: true, values: STATUSES },
    machineId: { type: 'string', filterable: true },
    computerDnsName: { type: 'string' },
    creationDateTimeUtc: { type: 'datetime', filterable: true },
    lastUpdateDateTimeUtc: { type: 'datetime' },
    cancellationRequestor: { type: 'string' },
    cancellationComment: { type: 'string' },
    cancellationDateTimeUtc: { type: 'datetime' },
    relatedFileInfo: { type: 'object' },
    commands: { type: 'object' },
  },
};
