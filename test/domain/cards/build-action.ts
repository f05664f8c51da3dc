import type { ResponseAction } from '../../../src/domain/actions/response-action';

/** A response action for card tests: Ana's full isolation of ws-042, in progress; any field can be overridden. */
export function buildAction(overrides: Partial<ResponseAction> = {}): ResponseAction {
  return {
    id: 'act-7f3a',
    requestKey: 'isolation:4b1a0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b',
    kind: 'isolate',
    origin: 'card',
    tenantId: 'contoso-tenant',
    alertId: 'da637472900382838869_1364969609',
    machineId: '4b1a0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b',
    machineName: 'ws-042.contoso.com',
    params: { isolationType: 'Full', reason: 'Ransom notes on the file share' },
    requestedBy: { aadObjectId: '00000000-0000-0000-0000-0000000000a1', name: 'Ana Lopez' },
    requestedAt: '2021-01-26T20:41:00Z',
    state: 'inProgress',
    defenderStatus: 'Pending',
    attempts: 0,
    updatedAt: '2021-01-26T20:41:05Z',
    ...overrides,
  };
}
