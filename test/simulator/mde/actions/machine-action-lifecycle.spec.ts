import assert from 'node:assert/strict';
import { ActionSim } from './helpers/action-sim';

describe('machine action lifecycle over HTTP', () => {
  let env: ActionSim;
  before(async () => {
    env = await ActionSim.start();
  });
  after(() => env.stop());
  beforeEach(() => env.reset());

  async function configure(body: object) {
    const result = await env.sim.call('POST', '/_sim/config', { body });
    assert.equal(result.status, 200);
  }

  async function machineView(): Promise<Record<string, unknown> | undefined> {
    const result = await env.sim.call<Record<string, unknown>>('GET', `/_sim/mde/machines/${env.machine.id}`);
    return result.status === 200 ? result.body : undefined;
  }

  it('should take an isolation from Pending through InProgress to Succeeded and isolate the machine', async () => {
    await configure({ actionDelayMs: 1000, actionOutcome: 'Succeeded' });
    const created = await env.act('isolate', { Comment: 'contain', IsolationType: 'Selective' });
    const id = created.body.id;
    env.advance(499);
    assert.equal((await env.get(id)).body.status, 'Pending');
    env.advance(1);
    assert.equal((await env.get(id)).body.status, 'InProgress');
    assert.equal(env.sim.sim.ctx.state.machineState.get(env.machine.id)?.isolated, false);
    env.advance(500);
    const done = await env.get(id);
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'Succeeded');
    assert.equal(done.body.lastUpdateDateTimeUtc, '2024-05-01T10:00:01.0000000Z');
    assert.match(done.body['@odata.context'], /#MachineActions\/\$entity$/);
    const state = env.sim.sim.ctx.state.machineState.get(env.machine.id);
    assert.deepEqual([state?.isolated, state?.isolationType], [true, 'Selective']);
    const view = await machineView();
    if (view) assert.deepEqual([view.isolated, view.isolationType], [true, 'Selective']);
  });

  it('should release the machine when an unisolate succeeds', async () => {
    await configure({ actionDelayMs: 0 });
    await env.act('isolate', { Comment: 'contain' });
    await env.act('unisolate', { Comment: 'release' });
    await env.simActions();
    const state = env.sim.sim.ctx.state.machineState.get(env.machine.id);
    assert.deepEqual([state?.isolated, state?.isolationType], [false, null]);
  });

  for (const outcome of ['Failed', 'TimeOut'] as const) {
    it(`should end as ${outcome} when that outcome is configured, leaving the machine as it was`, async () => {
      await configure({ actionDelayMs: 100, actionOutcome: outcome });
      const created = await env.act('isolate', { Comment: 'contain' });
      await configure({ actionOutcome: 'Succeeded' });
      env.advance(100);
      assert.equal((await env.get(created.body.id)).body.status, outcome);
      assert.equal(env.sim.sim.ctx.state.machineState.get(env.machine.id)?.isolated, false);
    });
  }

  it('should record a scan when requested and follow its status', async () => {
    await configure({ actionDelayMs: 1000 });
    const created = await env.act('runAntiVirusScan', { Comment: 'scan', ScanType: 'Full' });
    const scans = () => env.sim.sim.ctx.state.machineState.get(env.machine.id)?.scans;
    assert.deepEqual(scans(), [
      {
        actionId: created.body.id,
        scanType: 'Full',
        status: 'Pending',
        time: '2024-05-01T10:00:00.0000000Z',
      },
    ]);
    env.advance(1000);
    await env.get(created.body.id);
    assert.equal(scans()?.[0]?.status, 'Succeeded');
    assert.equal(scans()?.length, 1);
  });

  it('should restrict and then unrestrict code execution', async () => {
    await configure({ actionDelayMs: 10 });
    await env.act('restrictCodeExecution', { Comment: 'c' });
    env.advance(10);
    await env.simActions();
    const state = () => env.sim.sim.ctx.state.machineState.get(env.machine.id);
    assert.equal(state()?.codeExecutionRestricted, true);
    await env.act('unrestrictCodeExecution', { Comment: 'c' });
    env.advance(10);
    await env.simActions();
    assert.equal(state()?.codeExecutionRestricted, false);
  });

  it('should use the default delay of 3 seconds', async () => {
    const created = await env.act('collectInvestigationPackage', { Comment: 'c' });
    env.advance(2999);
    assert.equal((await env.get(created.body.id)).body.status, 'InProgress');
    env.advance(1);
    assert.equal((await env.get(created.body.id)).body.status, 'Succeeded');
  });
});
