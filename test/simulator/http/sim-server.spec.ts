import assert from 'node:assert/strict';
import { SimHttpError } from '../../../src/simulator/http/sim-error';
import { TestSimulator } from '../../helpers/sim-client';

type MdeError = { error: { code: string; message: string; target: string } };

describe('simulator HTTP pipeline', () => {
  let sim: TestSimulator;

  before(async () => {
    sim = await TestSimulator.start();
    sim.sim.server.router.add(
      {
        method: 'GET',
        pattern: '/api/test/echo/:id',
        auth: 'mde',
        roles: ['Alert.Read.All'],
        family: 'mde',
        handler: (req) => ({ status: 200, body: { id: req.params.id, appId: req.caller.appId } }),
      },
      {
        method: 'POST',
        pattern: '/api/test/body',
        auth: 'none',
        family: 'none',
        handler: (req) => ({ status: 200, body: { got: req.body } }),
      },
      {
        method: 'GET',
        pattern: '/api/test/boom',
        auth: 'none',
        family: 'none',
        handler: () => {
          throw new Error('handler bug');
        },
      },
      {
        method: 'GET',
        pattern: '/api/test/teapot',
        auth: 'none',
        family: 'none',
        handler: () => {
          throw new SimHttpError(418, 'Teapot', 'short and stout');
        },
      },
    );
  });
  beforeEach(() => sim.call('POST', '/_sim/reset'));
  after(() => sim.stop());

  it('should answer 401 in MDE error shape without a bearer token', async () => {
    const res = await sim.call<MdeError>('GET', '/api/test/echo/1');
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'Unauthorized');
    assert.match(res.body.error.target, /^[0-9a-f-]{36}$/);
  });

  it('should answer 401 for a tampered token', async () => {
    const token = await sim.token();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.roles = ['Everything'];
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const res = await sim.call<MdeError>('GET', '/api/test/echo/1', { token: forged });
    assert.equal(res.status, 401);
    assert.match(res.body.error.message, /signature/);
  });

  it('should answer 403 naming the role when the token lacks it', async () => {
    const res = await sim.call<MdeError>('GET', '/api/test/echo/1', {
      token: await sim.token(['Machine.Scan']),
    });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'Forbidden');
    assert.match(res.body.error.message, /Alert\.Read\.All/);
  });

  it('should route with parameters, in any case of the literal segments', async () => {
    const res = await sim.call<{ id: string; appId: string }>('GET', '/API/Test/Echo/abc%20d', {
      token: await sim.token(['Alert.Read.All']),
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id: 'abc d', appId: 'vigil-demo' });
  });

  it('should answer 404 for an unknown route and 405 for a known path with another method', async () => {
    assert.equal((await sim.call('GET', '/api/nothing-here')).status, 404);
    const res = await sim.call<MdeError>('DELETE', '/_sim/reset');
    assert.equal(res.status, 405);
    assert.equal(res.body.error.code, 'MethodNotAllowed');
  });

  it('should answer 400 InvalidRequestBody for a body that is not JSON', async () => {
    const res = await sim.call<MdeError>('POST', '/api/test/body', { body: '{"a":' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'InvalidRequestBody');
  });

  it('should turn a handler crash into a 500 and keep serving', async () => {
    const res = await sim.call<MdeError>('GET', '/api/test/boom');
    assert.equal(res.status, 500);
    assert.equal(res.body.error.code, 'InternalServerError');
    assert.equal((await sim.call<MdeError>('GET', '/api/test/teapot')).status, 418);
  });

  it('should answer 429 with Retry-After once the scaled minute budget is spent, then recover', async () => {
    // A 3-second "minute": wide enough that 101 calls fit in it on a loaded machine.
    await sim.call('POST', '/_sim/config', { body: { rateTimeScale: 0.05 } });
    const token = await sim.token(['Alert.Read.All']);
    const statuses: number[] = [];
    for (let i = 0; i < 101; i += 1)
      statuses.push((await sim.call('GET', '/api/test/echo/x', { token })).status);
    assert.equal(statuses.filter((s) => s === 200).length, 100);
    const refused = await sim.call<MdeError>('GET', '/api/test/echo/x', { token });
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'TooManyRequests');
    assert.match(refused.body.error.message, /100 calls per 60 seconds/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 3, `Retry-After ${retryAfter} is within the scaled minute`);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    assert.equal((await sim.call('GET', '/api/test/echo/x', { token })).status, 200);
  });

  describe('faults', () => {
    it('should fail the next matching request with the injected status and Retry-After, then stop', async () => {
      const created = await sim.call('POST', '/_sim/faults', {
        body: { method: 'post', path: '/api/test', status: 429, retryAfter: 2, times: 2 },
      });
      assert.equal(created.status, 201);
      const first = await sim.call<MdeError>('POST', '/api/test/body', { body: {} });
      assert.equal(first.status, 429);
      assert.equal(first.headers.get('retry-after'), '2');
      assert.equal((await sim.call('GET', '/api/test/teapot')).status, 418, 'another method is not faulted');
      assert.equal((await sim.call('POST', '/api/test/body', { body: {} })).status, 429);
      assert.equal((await sim.call('POST', '/api/test/body', { body: {} })).status, 200);
    });

    it('should delay a request by latencyMs and then serve it', async () => {
      await sim.call('POST', '/_sim/faults', { body: { path: '/api/test/body', latencyMs: 300 } });
      const started = Date.now();
      const res = await sim.call('POST', '/api/test/body', { body: { a: 1 } });
      assert.equal(res.status, 200);
      assert.ok(Date.now() - started >= 290, 'the response came too soon');
    });

    it('should never fire a fault whose probability is 0, and forget faults on DELETE', async () => {
      await sim.call('POST', '/_sim/faults', {
        body: { path: '/api', status: 500, probability: 0, times: 5 },
      });
      assert.equal((await sim.call('POST', '/api/test/body', { body: {} })).status, 200);
      await sim.call('POST', '/_sim/faults', { body: { path: '/api', status: 500, times: 5 } });
      await sim.call('DELETE', '/_sim/faults');
      assert.equal((await sim.call('POST', '/api/test/body', { body: {} })).status, 200);
    });

    it('should refuse a malformed fault naming each problem', async () => {
      const res = await sim.call<MdeError>('POST', '/_sim/faults', {
        body: { path: 'api', status: 99, probability: 2 },
      });
      assert.equal(res.status, 400);
      for (const field of ['path', 'status', 'probability'])
        assert.match(res.body.error.message, new RegExp(field));
    });

    it('should count faulted and refused calls in the stats', async () => {
      await sim.call('POST', '/_sim/faults', { body: { path: '/api/test/body', status: 503 } });
      await sim.call('POST', '/api/test/body', { body: {} });
      await sim.call('GET', '/api/test/echo/1');
      const stats = await sim.call<{ requests: Record<string, number> }>('GET', '/_sim/stats');
      assert.equal(stats.body.requests['POST /api/test/body'], 1);
      assert.equal(stats.body.requests['GET /api/test/echo/{id}'], 1);
    });
  });

  describe('control routes', () => {
    it('should change and reset the action settings', async () => {
      const res = await sim.call<Record<string, unknown>>('POST', '/_sim/config', {
        body: { actionDelayMs: 50, actionOutcome: 'Failed' },
      });
      assert.deepEqual(res.body, { actionDelayMs: 50, actionOutcome: 'Failed', rateTimeScale: 1 });
      await sim.call('POST', '/_sim/reset');
      assert.equal(sim.sim.ctx.state.settings.actionOutcome, 'Succeeded');
    });

    it('should refuse an unknown outcome or setting', async () => {
      assert.equal(
        (await sim.call('POST', '/_sim/config', { body: { actionOutcome: 'Maybe' } })).status,
        400,
      );
      assert.equal((await sim.call('POST', '/_sim/config', { body: { speed: 3 } })).status, 400);
    });

    it('should issue a token with exactly the asked roles', async () => {
      const res = await sim.call<{ access_token: string; roles: string[] }>(
        'GET',
        '/_sim/token?roles=Alert.Read.All,Machine.Isolate',
      );
      const payload = JSON.parse(
        Buffer.from(res.body.access_token.split('.')[1] ?? '', 'base64url').toString(),
      );
      assert.deepEqual(payload.roles, ['Alert.Read.All', 'Machine.Isolate']);
      assert.equal(payload.aud, 'https://api.securitycenter.microsoft.com');
    });
  });
});
