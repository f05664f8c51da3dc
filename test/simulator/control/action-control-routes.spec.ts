import assert from 'node:assert/strict';
import type { MdeMachineAction } from '../../../src/simulator/model/mde-types';
import { ActionSim } from '../mde/actions/helpers/action-sim';

describe('GET /_sim/mde/actions', () => {
  let env: ActionSim;
  before(async () => {
    env = await ActionSim.start();
  });
  after(() => env.stop());
  beforeEach(() => env.reset());

  it('should be empty after a reset', async () => {
    const result = await env.sim.call<{ value: unknown[] }>('GET', '/_sim/mde/actions');
    assert.equal(result.status, 200);
    assert.deepEqual(result.body, { value: [] });
  });

  it('should list every created action oldest first, without refused requests', async () => {
    const first = await env.act('isolate', { Comment: 'one' });
    env.advance(10);
    await env.act('isolate', { Comment: 'refused: already in progress' });
    await env.act('isolate', { comment: 'refused: wrong case' }, { machine: env.other.id });
    const second = await env.act('runAntiVirusScan', { Comment: 'two', ScanType: 'Quick' });
    const actions = await env.simActions();
    assert.deepEqual(
      actions.map((a) => a.id),
      [first.body.id, second.body.id],
    );
    assert.equal(Object.hasOwn(actions[0] ?? {}, '@odata.context'), false);
    assert.equal(actions[0]?.machineId, env.machine.id);
  });

  it('should show statuses settled to the current time', async () => {
    await env.sim.call('POST', '/_sim/config', { body: { actionDelayMs: 1000, actionOutcome: 'TimeOut' } });
    await env.act('isolate', { Comment: 'one' });
    env.advance(1000);
    const [action] = await env.simActions();
    assert.equal((action as MdeMachineAction).status, 'TimeOut');
  });

  it('should be cleared by /_sim/reset', async () => {
    await env.act('isolate', { Comment: 'one' });
    await env.sim.call('POST', '/_sim/reset');
    assert.deepEqual(await env.simActions(), []);
  });
});
