import assert from 'node:assert/strict';
import { mapMachineAction } from '../../../src/adapters/defender/machine-action.mapper';
import { mdeMachineActionSchema } from '../../../src/adapters/defender/mde-schemas';
import { mdeMachineActionWire } from './helpers/defender-fixtures';

describe('mapMachineAction', () => {
  it('should map a machine action spelled with lastUpdateDateTimeUtc', () => {
    assert.deepEqual(mapMachineAction(mdeMachineActionSchema.parse(mdeMachineActionWire())), {
      id: 'b89eb834-4578-496c-8be0-03f004061435',
      type: 'Isolate',
      scope: 'Full',
      status: 'Pending',
      machineId: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
      machineName: 'desktop-test',
      requestor: 'Analyst@TestPrd.onmicrosoft.com',
      comment: 'Isolate machine due to alert 1234',
      createdAt: '2019-01-02T14:39:38.226Z',
      updatedAt: '2019-01-02T14:40:44.659Z',
    });
  });

  it('should read lastUpdateTimeUtc, as the list examples spell it', () => {
    const wire = mdeMachineActionWire({ lastUpdateTimeUtc: '2019-01-02T15:00:00Z', status: 'Cancelled' });
    delete wire.lastUpdateDateTimeUtc;
    const action = mapMachineAction(
      mdeMachineActionSchema.parse({
        ...wire,
        cancellationRequestor: 'bob@contoso.com',
        cancellationComment: 'oops',
      }),
    );
    assert.equal(action?.updatedAt, '2019-01-02T15:00:00.000Z');
    assert.equal(action?.status, 'Cancelled');
    assert.equal(action?.cancellationRequestor, 'bob@contoso.com');
    assert.equal(action?.cancellationComment, 'oops');
  });

  it('should fall back to the creation time when no update time is given', () => {
    const wire = mdeMachineActionWire();
    delete wire.lastUpdateDateTimeUtc;
    assert.equal(mapMachineAction(mdeMachineActionSchema.parse(wire))?.updatedAt, '2019-01-02T14:39:38.226Z');
  });

  it('should give undefined for an action type Vigil does not model', () => {
    assert.equal(
      mapMachineAction(mdeMachineActionSchema.parse(mdeMachineActionWire({ type: 'LiveResponse' }))),
      undefined,
    );
  });
});
