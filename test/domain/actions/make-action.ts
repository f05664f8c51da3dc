import type { ResponseAction } from '../../../src/domain/actions/response-action';

/** The machine the fixture's actions are about (an MDE machine id, lower case). */
export const MACHINE_ID = '4b1a0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b';

/** The alert whose card asked for the fixture's actions. */
export const ALERT_ID = 'da637472900382838869_1364969609';

/**
 * A valid open response action: Megan Bowen's full isolation of ws-042 from the alert card, accepted by
 * Defender and pending. Any field can be overridden.
 */
export function makeAction(overrides: Partial<ResponseAction> = {}): ResponseAction {
  return {
    id: 'act-0001',
    requestKey: `isolation:${MACHINE_ID}`,
    kind: 'isolate',
    origin: 'card',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    alertId: ALERT_ID,
    machineId: MACHINE_ID,
    machineName: 'ws-042.contoso.com',
    params: { isolationType: 'Full', reason: 'ransomware note' },
    requestedBy: { aadObjectId: '11111111-aaaa-4111-8111-111111111111', name: 'Megan Bowen' },
    requestedAt: '2021-01-26T20:41:07Z',
    state: 'inProgress',
    defenderComment: `Isolated from Teams by Megan Bowen (alert ${ALERT_ID}): ransomware note`,
    defenderActionId: 'b89eb834-4578-496c-8be0-03f004061435',
    defenderStatus: 'Pending',
    attempts: 0,
    nextCheckAt: '2021-01-26T20:41:12Z',
    updatedAt: '2021-01-26T20:41:09Z',
    ...overrides,
  };
}
