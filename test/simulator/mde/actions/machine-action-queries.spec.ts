import assert from 'node:assert/strict';
import type { MdeMachineAction } from '../../../../src/simulator/model/mde-types';
import { type ActionBody, ActionSim, type ErrorBody } from './helpers/action-sim';

interface Collection {
  '@odata.context': string;
  value: MdeMachineAction[];
}

describe('GET /api/machineactions', () => {
  let env: ActionSim;
  before(async () => {
    env = await ActionSim.start();
  });
  after(() => env.stop());
  beforeEach(() => env.reset());

  const list = (query = '') =>
    env.sim.call<Collection>('GET', `/api/machineactions${query}`, { token: 'all' });

  /** Three actions a second apart: isolate (final by the end), scan on the other machine, collect. */
  async function seed(): Promise<ActionBody[]> {
    await env.sim.call('POST', '/_sim/config', { body: { actionDelayMs: 1500 } });
    const isolate = await env.act('isolate', { Comment: 'a' });
    env.advance(1000);
    const scan = await env.act(
      'runAntiVirusScan',
      { Comment: 'b', ScanType: 'Quick' },
      { machine: env.other.id },
    );
    env.advance(1000);
    const collect = await env.act('collectInvestigationPackage', { Comment: 'c' });
    return [isolate.body, scan.body, collect.body];
  }

  it('should get one action by id, and 404 ResourceNotFound for an unknown id', async () => {
    const [isolate] = await seed();
    const found = await env.get(isolate?.id ?? '');
    assert.equal(found.status, 200);
    assert.equal(found.body.id, isolate?.id);
    assert.match(found.body['@odata.context'], /\$metadata#MachineActions\/\$entity$/);
    const missing = await env.sim.call<ErrorBody>(
      'GET',
      '/api/machineactions/00000000-0000-0000-0000-000000000000',
      {
        token: 'all',
      },
    );
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'ResourceNotFound');
  });

  it('should need a machine read role', async () => {
    const token = await env.sim.token(['Machine.Isolate']);
    const result = await env.sim.call('GET', '/api/machineactions', { token });
    assert.equal(result.status, 403);
    const reader = await env.sim.token(['Machine.Read.All']);
    assert.equal((await env.sim.call('GET', '/api/machineactions', { token: reader })).status, 200);
  });

  it('should list every action newest first, settled to now', async () => {
    const [isolate, scan, collect] = await seed();
    const result = await list();
    assert.equal(result.status, 200);
    assert.match(result.body['@odata.context'], /\$metadata#MachineActions$/);
    assert.deepEqual(
      result.body.value.map((a) => a.id),
      [collect?.id, scan?.id, isolate?.id],
    );
    assert.deepEqual(
      result.body.value.map((a) => a.status),
      ['Pending', 'InProgress', 'Succeeded'],
    );
  });

  it('should filter by machineId, type, status, requestor, id and creationDateTimeUtc', async () => {
    const [isolate, scan, collect] = await seed();
    const ids = async (filter: string) =>
      (await list(`?$filter=${encodeURIComponent(filter)}`)).body.value.map((a) => a.id);
    assert.deepEqual(await ids(`machineId eq '${env.machine.id}'`), [collect?.id, isolate?.id]);
    assert.deepEqual(await ids(`type eq 'RunAntiVirusScan'`), [scan?.id]);
    assert.deepEqual(await ids(`status eq 'Succeeded'`), [isolate?.id]);
    assert.deepEqual(await ids(`requestor eq 'vigil-demo' and type eq 'Isolate'`), [isolate?.id]);
    assert.deepEqual(await ids(`requestor eq 'someone-else'`), []);
    assert.deepEqual(await ids(`id eq '${scan?.id}'`), [scan?.id]);
    assert.deepEqual(await ids('creationDateTimeUtc ge 2024-05-01T10:00:01Z'), [collect?.id, scan?.id]);
  });

  it('should page with $top and $skip, refuse $top above 10,000, and honour $orderby', async () => {
    const [isolate, scan, collect] = await seed();
    assert.deepEqual(
      (await list('?$top=2')).body.value.map((a) => a.id),
      [collect?.id, scan?.id],
    );
    assert.deepEqual(
      (await list('?$top=2&$skip=2')).body.value.map((a) => a.id),
      [isolate?.id],
    );
    assert.deepEqual(
      (await list('?$orderby=creationDateTimeUtc asc')).body.value.map((a) => a.id),
      [isolate?.id, scan?.id, collect?.id],
    );
    const tooMany = await env.sim.call<ErrorBody>('GET', '/api/machineactions?$top=10001', { token: 'all' });
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.code, 'ODataError');
  });

  it('should refuse a filter on a property MDE does not filter on', async () => {
    await seed();
    const result = await env.sim.call<ErrorBody>(
      'GET',
      `/api/machineactions?$filter=${encodeURIComponent("title eq 'x'")}`,
      {
        token: 'all',
      },
    );
    assert.equal(result.status, 400);
  });
});

describe('POST /api/machineactions/{id}/cancel', () => {
  let env: ActionSim;
  before(async () => {
    env = await ActionSim.start();
  });
  after(() => env.stop());
  beforeEach(() => env.reset());

  const cancel = (id: string, body: unknown, token = 'all') =>
    env.sim.call<ActionBody & ErrorBody>('POST', `/api/machineactions/${id}/cancel`, { token, body });

  it('should cancel a pending action and never apply it', async () => {
    const created = await env.act('isolate', { Comment: 'contain' });
    env.advance(100);
    const result = await cancel(created.body.id, { Comment: 'false alarm' });
    assert.equal(result.status, 200);
    assert.equal(result.body.status, 'Cancelled');
    assert.equal(result.body.cancellationRequestor, 'vigil-demo');
    assert.equal(result.body.cancellationComment, 'false alarm');
    assert.equal(result.body.cancellationDateTimeUtc, '2024-05-01T10:00:00.1000000Z');
    assert.equal(result.body.lastUpdateDateTimeUtc, '2024-05-01T10:00:00.1000000Z');
    assert.match(result.body['@odata.context'], /MachineActions\/\$entity$/);
    env.advance(10_000);
    assert.equal((await env.get(created.body.id)).body.status, 'Cancelled');
    assert.equal(env.sim.sim.ctx.state.machineState.get(env.machine.id)?.isolated, false);
  });

  it('should free the family for a new request once cancelled', async () => {
    const created = await env.act('isolate', { Comment: 'contain' });
    await cancel(created.body.id, { Comment: 'oops' });
    assert.equal((await env.act('isolate', { Comment: 'again' })).status, 201);
  });

  it('should mark a cancelled scan as Cancelled in the machine state', async () => {
    const created = await env.act('runAntiVirusScan', { Comment: 'scan', ScanType: 'Quick' });
    await cancel(created.body.id, { Comment: 'stop' });
    assert.equal(env.sim.sim.ctx.state.machineState.get(env.machine.id)?.scans[0]?.status, 'Cancelled');
  });

  it('should refuse to cancel a final action with 400', async () => {
    const created = await env.act('isolate', { Comment: 'contain' });
    env.advance(3000);
    const result = await cancel(created.body.id, { Comment: 'too late' });
    assert.equal(result.status, 400);
    assert.equal(result.body.error.code, 'BadRequest');
    assert.match(result.body.error.message, /already Succeeded and cannot be cancelled/);
    assert.equal((await env.get(created.body.id)).body.status, 'Succeeded');
  });

  it('should require Comment in PascalCase', async () => {
    const created = await env.act('isolate', { Comment: 'contain' });
    const missing = await cancel(created.body.id, {});
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'MissingRequiredParameter');
    const wrongCase = await cancel(created.body.id, { comment: 'x' });
    assert.equal(wrongCase.body.error.code, 'InvalidRequestBody');
    assert.equal((await env.get(created.body.id)).body.status, 'Pending');
  });

  it('should need the role of the action being cancelled', async () => {
    const created = await env.act('isolate', { Comment: 'contain' });
    const scanOnly = await env.sim.token(['Machine.Scan']);
    const refused = await cancel(created.body.id, { Comment: 'x' }, scanOnly);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'Forbidden');
    const readOnly = await env.sim.token(['Machine.Read.All']);
    assert.equal((await cancel(created.body.id, { Comment: 'x' }, readOnly)).status, 403);
    const isolator = await env.sim.token(['Machine.Isolate']);
    assert.equal((await cancel(created.body.id, { Comment: 'x' }, isolator)).status, 200);
  });

  it('should answer 404 for an unknown action', async () => {
    const result = await cancel('00000000-0000-0000-0000-000000000000', { Comment: 'x' });
    assert.equal(result.status, 404);
    assert.equal(result.body.error.code, 'ResourceNotFound');
  });
});

describe('GET /api/machineactions/{id}/getPackageUri', () => {
  let env: ActionSim;
  before(async () => {
    env = await ActionSim.start();
  });
  after(() => env.stop());
  beforeEach(() => env.reset());

  const packageUri = (id: string) =>
    env.sim.call<{ '@odata.context': string; value: string } & ErrorBody>(
      'GET',
      `/api/machineactions/${id}/getPackageUri`,
      { token: 'all' },
    );

  it('should answer 404 until the collection succeeds, then a download link', async () => {
    const created = await env.act('collectInvestigationPackage', { Comment: 'collect' });
    assert.equal((await packageUri(created.body.id)).status, 404);
    env.advance(3000);
    const result = await packageUri(created.body.id);
    assert.equal(result.status, 200);
    assert.match(result.body['@odata.context'], /\$metadata#Edm\.String$/);
    assert.match(result.body.value, /^https:\/\/.+\.zip\?.*sig=/);
  });

  it('should answer 404 for an action that is not a collection, or a failed one', async () => {
    await env.sim.call('POST', '/_sim/config', { body: { actionOutcome: 'Failed' } });
    const collect = await env.act('collectInvestigationPackage', { Comment: 'collect' });
    const isolate = await env.act('isolate', { Comment: 'contain' });
    env.advance(3000);
    assert.equal((await packageUri(collect.body.id)).status, 404);
    assert.equal((await packageUri(isolate.body.id)).status, 404);
  });

  it('should need Machine.CollectForensics', async () => {
    const created = await env.act('collectInvestigationPackage', { Comment: 'collect' });
    env.advance(3000);
    const token = await env.sim.token(['Machine.Read.All']);
    const result = await env.sim.call('GET', `/api/machineactions/${created.body.id}/getPackageUri`, {
      token,
    });
    assert.equal(result.status, 403);
  });
});
