import assert from 'node:assert/strict';
import { SimHttpError } from '../../../src/simulator/http/sim-error';
import type { SimRequest } from '../../../src/simulator/http/sim-router';
import type { HuntingResponseBody } from '../../../src/simulator/hunting/hunting-response';
import { huntingRoutes } from '../../../src/simulator/hunting/hunting-routes';
import { TestSimulator } from '../../helpers/sim-client';
import { fixtureMachine, seedEstate, T0 } from './hunting-fixtures';

const PATH = '/api/advancedqueries/run';
const HOUR = 3_600_000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

interface ErrorBody {
  error: { code: string; message: string; target: string };
}

describe('POST /api/advancedqueries/run', () => {
  let sim: TestSimulator;
  const clock = { now: T0 };
  before(async () => {
    sim = await TestSimulator.start({ now: () => clock.now });
    seedEstate(sim.sim.ctx.state);
  });
  after(() => sim.stop());

  const hunt = <T = HuntingResponseBody>(body: unknown, token = 'all') =>
    sim.call<T>('POST', PATH, { token, body });

  it('should answer with Stats, a typed Schema and the Results in schema order', async () => {
    const res = await hunt({
      Query:
        'DeviceProcessEvents | where DeviceId startswith "f1x" | project Timestamp, DeviceName, FileName, ProcessId | take 3',
    });
    assert.equal(res.status, 200);
    const { Stats, Schema, Results } = res.body;
    assert.deepEqual(Schema, [
      { Name: 'Timestamp', Type: 'DateTime' },
      { Name: 'DeviceName', Type: 'String' },
      { Name: 'FileName', Type: 'String' },
      { Name: 'ProcessId', Type: 'Int64' },
    ]);
    assert.equal(Results.length, 3);
    for (const row of Results) {
      assert.deepEqual(Object.keys(row), ['Timestamp', 'DeviceName', 'FileName', 'ProcessId']);
      assert.match(row.Timestamp as string, ISO);
      assert.match(row.DeviceName as string, /\.hunt\.contoso\.com$/);
      assert.equal(typeof row.ProcessId, 'number');
    }
    assert.equal(typeof Stats.ExecutionTime, 'number');
    assert.ok(Stats.ExecutionTime >= 0);
    assert.equal(typeof Stats.resource_usage, 'object');
    assert.deepEqual(Stats.dataset_statistics, [
      { table_row_count: 3, table_size: Buffer.byteLength(JSON.stringify(Results)) },
    ]);
  });

  it('should report Int32, Int64, Double, Boolean and String as KQL types them', async () => {
    const res = await hunt({
      Query:
        'DeviceNetworkEvents | take 1 | project RemotePort, Open = RemotePort > 0, Half = RemotePort / 2.0, One = 1, Ip = RemoteIP',
    });
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.Schema.map((c) => c.Type),
      ['Int32', 'Boolean', 'Double', 'Int64', 'String'],
    );
    const [row] = res.body.Results;
    assert.equal(row?.Open, true);
    assert.equal(row?.Half, (row?.RemotePort as number) / 2);
  });

  it('should count rows with summarize and answer Int64 counts', async () => {
    const res = await hunt({
      Query:
        'DeviceLogonEvents | where DeviceId startswith "f1x" | summarize Logons = count() by ActionType | sort by ActionType asc',
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.Schema, [
      { Name: 'ActionType', Type: 'String' },
      { Name: 'Logons', Type: 'Int64' },
    ]);
    assert.deepEqual(
      res.body.Results.map((r) => r.ActionType),
      ['LogonFailed', 'LogonSuccess'],
    );
  });

  it('should answer a syntax error with 400 BadRequest naming the position and what was expected', async () => {
    const res = await hunt<ErrorBody>({ Query: 'DeviceProcessEvents | summarize count() by |' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'BadRequest');
    assert.equal(
      res.body.error.message,
      "Syntax error at position 43 (line 1, column 44): expected a column name after 'by' but found '|'.",
    );
    assert.match(res.body.error.target, /^[0-9a-f-]{36}$/);
  });

  it('should answer an unknown table or column with 400 naming it', async () => {
    const table = await hunt<ErrorBody>({ Query: 'Foo | take 1' });
    assert.equal(table.status, 400);
    assert.equal(table.body.error.message, "Failed to resolve table 'Foo' at position 0.");
    const column = await hunt<ErrorBody>({ Query: 'DeviceProcessEvents | where filename == "x"' });
    assert.equal(column.status, 400);
    assert.match(
      column.body.error.message,
      /^Failed to resolve column 'filename' at position 28\. Did you mean 'FileName'\?/,
    );
  });

  it('should refuse a call without a token with 401', async () => {
    const res = await sim.call<ErrorBody>('POST', PATH, { body: { Query: 'AlertInfo' } });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'Unauthorized');
  });

  it('should refuse a token without AdvancedQuery.Read.All with 403, and accept one with only it', async () => {
    const alertsOnly = await hunt<ErrorBody>({ Query: 'AlertInfo' }, await sim.token(['Alert.Read.All']));
    assert.equal(alertsOnly.status, 403);
    assert.equal(alertsOnly.body.error.code, 'Forbidden');
    assert.match(alertsOnly.body.error.message, /AdvancedQuery\.Read\.All/);
    const hunting = await hunt({ Query: 'AlertInfo | count' }, await sim.token(['AdvancedQuery.Read.All']));
    assert.equal(hunting.status, 200);
  });

  it('should refuse a body whose Query is spelt in another case, since body names are case-sensitive', async () => {
    const res = await hunt<ErrorBody>({ query: 'AlertInfo' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'MissingRequiredParameter');
    assert.match(
      res.body.error.message,
      /The required parameter 'Query' is missing\. Found 'query': body parameter names are case-sensitive\./,
    );
  });

  it('should refuse a missing body, a non-object body and a Query that is not text', async () => {
    const empty = await sim.call<ErrorBody>('POST', PATH, { token: 'all' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.code, 'MissingRequiredParameter');
    const list = await hunt<ErrorBody>(['AlertInfo']);
    assert.equal(list.body.error.code, 'InvalidRequestBody');
    const number = await hunt<ErrorBody>({ Query: 42 });
    assert.equal(number.status, 400);
    assert.equal(number.body.error.code, 'InvalidRequestBody');
    assert.match(number.body.error.message, /'Query' must be a string/);
  });

  it('should show an alert created through the control route in AlertInfo', async () => {
    const machine = fixtureMachine(3);
    const created = await sim.call<{ id: string }>('POST', '/_sim/mde/alerts', {
      body: {
        title: 'Hunting route test alert',
        severity: 'High',
        category: 'Execution',
        computerDnsName: machine.computerDnsName,
      },
    });
    assert.equal(created.status, 201);
    const res = await hunt({
      Query: `AlertInfo | where AlertId == "${created.body.id}" | project Title, Severity, Category`,
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.Results, [
      { Title: 'Hunting route test alert', Severity: 'High', Category: 'Execution' },
    ]);
  });

  it('should refuse a result over the row cap with the service message', async () => {
    const [route] = huntingRoutes(sim.sim.ctx, { maxRows: 10 });
    const req: SimRequest = {
      method: 'POST',
      path: PATH,
      query: new URLSearchParams(),
      params: {},
      headers: {},
      body: { Query: 'DeviceProcessEvents | take 11' },
      caller: { appId: 'test', roles: ['AdvancedQuery.Read.All'] },
    };
    await assert.rejects(
      async () => route!.handler(req),
      (error: unknown) =>
        error instanceof SimHttpError &&
        error.status === 400 &&
        /Query execution has exceeded the allowed result size/.test(error.message),
    );
    const fits = await route!.handler({ ...req, body: { Query: 'DeviceProcessEvents | take 10' } });
    assert.equal(fits.status, 200);
  });
});

describe('POST /api/advancedqueries/run as the clock moves', () => {
  let sim: TestSimulator;
  const clock = { now: T0 };
  before(async () => {
    sim = await TestSimulator.start({ now: () => clock.now });
    seedEstate(sim.sim.ctx.state, 10);
  });
  after(() => sim.stop());

  /** Tokens are checked against the simulator's clock, so each call gets a fresh one. */
  async function hunt(query: string) {
    const res = await sim.call<HuntingResponseBody>('POST', PATH, {
      token: await sim.token(),
      body: { Query: query },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.Results;
  }

  it('should return the same rows for the same time, and more rows once new hours have passed', async () => {
    const since = new Date(T0 - 6 * HOUR).toISOString();
    const query = `DeviceNetworkEvents | where DeviceId startswith "f1x" and Timestamp > datetime(${since}) | project Timestamp, DeviceId, ReportId`;
    const first = await hunt(query);
    assert.deepEqual(await hunt(query), first);
    clock.now = T0 + 4 * HOUR;
    const later = await hunt(query);
    assert.deepEqual(later.slice(0, first.length), first, 'rows already seen stay the same');
    const added = later.slice(first.length);
    assert.ok(added.length > 0, 'new hours add rows');
    assert.ok(
      added.every(
        (r) => Date.parse(r.Timestamp as string) > T0 && Date.parse(r.Timestamp as string) <= clock.now,
      ),
    );
  });

  it('should evaluate ago() against the simulator clock', async () => {
    clock.now = T0;
    const recent = await hunt(
      'DeviceProcessEvents | where Timestamp > ago(1h) | summarize Oldest = min(Timestamp), Newest = max(Timestamp)',
    );
    assert.ok(Date.parse(recent[0]?.Oldest as string) > T0 - HOUR);
    assert.ok(Date.parse(recent[0]?.Newest as string) <= T0);
  });
});

describe('POST /api/advancedqueries/run rate limit', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await TestSimulator.start();
  });
  after(() => sim.stop());

  it('should spend the hunting budget of 45 calls a minute, then answer 429 with Retry-After', async () => {
    const token = await sim.token(['AdvancedQuery.Read.All']);
    for (let i = 0; i < 45; i += 1) {
      const ok = await sim.call('POST', PATH, { token, body: { Query: 'AlertInfo | count' } });
      assert.equal(ok.status, 200, `call ${i + 1}`);
    }
    const refused = await sim.call<ErrorBody>('POST', PATH, { token, body: { Query: 'AlertInfo | count' } });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.match(refused.body.error.message, /45 calls per 60 seconds/);
  });
});
