import assert from 'node:assert/strict';
import { z } from 'zod';
import { DefenderApiError } from '../../../src/adapters/defender/defender-api-error';
import { MDE_ROUTES } from '../../../src/adapters/defender/mde-routes';
import { mdeMachineSchema } from '../../../src/adapters/defender/mde-schemas';
import { queryString } from '../../../src/adapters/defender/query-string';
import { mdeMachineWire } from './helpers/defender-fixtures';
import { type StubReply, type StubServer, startStubServer } from './helpers/stub-server';
import { createTestHttp } from './helpers/test-http';

const MACHINE_ID = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
const getMachine = { route: MDE_ROUTES.getMachine, params: { id: MACHINE_ID }, schema: mdeMachineSchema };
const isolate = {
  route: MDE_ROUTES.isolate,
  params: { id: MACHINE_ID },
  body: { Comment: 'c', IsolationType: 'Full' },
  schema: z.unknown(),
};

async function rejection(promise: Promise<unknown>): Promise<DefenderApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DefenderApiError, String(error));
    return error;
  }
  assert.fail('expected a DefenderApiError');
}

describe('DefenderHttp', () => {
  let server: StubServer;
  let replies: StubReply[];
  beforeEach(async () => {
    replies = [];
    server = await startStubServer(() => replies.shift() ?? { status: 200, body: mdeMachineWire() });
  });
  afterEach(() => server.close());

  it('should send the bearer token and return the validated body', async () => {
    const { http } = createTestHttp(server.url);
    const machine = await http.send(getMachine);
    assert.equal(machine.computerDnsName, 'mymachine1.contoso.com');
    assert.equal(server.requests[0]?.headers.authorization, 'Bearer test-token');
    assert.equal(server.requests[0]?.path, `/api/machines/${MACHINE_ID}`);
  });

  it('should repeat a 429 after its Retry-After and then succeed', async () => {
    replies.push({
      status: 429,
      body: { error: { code: 'TooManyRequests', message: 'slow down' } },
      headers: { 'retry-after': '3' },
    });
    const { http, sleeps } = createTestHttp(server.url);
    await http.send(getMachine);
    assert.equal(server.requests.length, 2);
    assert.ok((sleeps[0] ?? 0) >= 3000, `waited ${sleeps[0]}`);
  });

  it('should not wait for a Retry-After beyond a minute: RATE_LIMITED at once with retryAfterS', async () => {
    replies.push({
      status: 429,
      body: { error: { code: 'TooManyRequests', message: 'hour' } },
      headers: { 'retry-after': '3600' },
    });
    const { http, sleeps } = createTestHttp(server.url);
    const error = await rejection(http.send(getMachine));
    assert.equal(error.code, 'DEFENDER.RATE_LIMITED');
    assert.equal(error.retryAfterS, 3600);
    assert.deepEqual(sleeps, []);
  });

  it('should repeat 500s with growing jittered backoff, and give up as UNAVAILABLE', async () => {
    for (let i = 0; i < 5; i += 1)
      replies.push({ status: 500, body: { error: { code: 'InternalServerError', message: 'x' } } });
    const { http, sleeps } = createTestHttp(server.url);
    const error = await rejection(http.send(getMachine));
    assert.equal(error.code, 'DEFENDER.UNAVAILABLE');
    assert.equal(error.details.attempts, 5);
    assert.deepEqual(sleeps, [250, 500, 1000, 2000]);
  });

  it('should not repeat a 501', async () => {
    replies.push({ status: 501 });
    const { http } = createTestHttp(server.url);
    assert.equal((await rejection(http.send(getMachine))).code, 'DEFENDER.UNAVAILABLE');
    assert.equal(server.requests.length, 1);
  });

  it('should not repeat a machine action after a 500, which may come after MDE acted', async () => {
    replies.push({ status: 500 });
    const { http } = createTestHttp(server.url);
    const error = await rejection(http.send(isolate));
    assert.equal(error.details.maybeActed, true);
    assert.equal(server.requests.length, 1);
  });

  it('should repeat a machine action after a 429, which MDE refused before acting', async () => {
    replies.push({ status: 429, headers: { 'retry-after': '1' } }, { status: 201, body: {} });
    const { http } = createTestHttp(server.url);
    await http.send(isolate);
    assert.equal(server.requests.length, 2);
  });

  it('should time out a slow answer and repeat a read', async () => {
    replies.push({ delayMs: 400 });
    const { http, sleeps } = createTestHttp(server.url, { timeoutMs: 150 });
    await http.send(getMachine);
    assert.equal(server.requests.length, 2);
    assert.equal(sleeps.length, 1);
  });

  it('should give up on timeouts as DEFENDER.TIMEOUT', async () => {
    replies.push({ delayMs: 300 }, { delayMs: 300 });
    const { http } = createTestHttp(server.url, { timeoutMs: 100, maxRetries: 1 });
    assert.equal((await rejection(http.send(getMachine))).code, 'DEFENDER.TIMEOUT');
  });

  it('should repeat a read after a connection reset', async () => {
    replies.push({ destroy: true });
    const { http } = createTestHttp(server.url);
    await http.send(getMachine);
    assert.equal(server.requests.length, 2);
  });

  it('should fetch a new token once after a 401', async () => {
    replies.push({ status: 401, body: { error: { code: 'Unauthorized', message: 'expired' } } });
    const test = createTestHttp(server.url);
    await test.http.send(getMachine);
    assert.equal(test.renewals, 1);
    replies.push({ status: 401 }, { status: 401 });
    assert.equal((await rejection(test.http.send(getMachine))).code, 'DEFENDER.UNAUTHORIZED');
  });

  it('should name the permission of the route on a 403', async () => {
    replies.push({ status: 403, body: { error: { code: 'Forbidden', message: 'no' } } });
    const { http } = createTestHttp(server.url);
    const error = await rejection(http.send(isolate));
    assert.equal(error.code, 'DEFENDER.FORBIDDEN');
    assert.match(error.friendlyMessage, /needs the Machine\.Isolate application permission/);
  });

  it('should reject a 2xx body that fails the schema as INVALID_RESPONSE', async () => {
    replies.push({ status: 200, body: { id: 42, computerDnsName: null } });
    const { http } = createTestHttp(server.url);
    const error = await rejection(http.send(getMachine));
    assert.equal(error.code, 'DEFENDER.INVALID_RESPONSE');
    assert.deepEqual(
      error.details.issues?.map((issue) => issue.split(':')[0]),
      ['id', 'computerDnsName'],
    );
    replies.push({ status: 200, text: '<html>' });
    assert.equal((await rejection(http.send(getMachine))).code, 'DEFENDER.INVALID_RESPONSE');
  });

  it('should never put the token in an error', async () => {
    replies.push({ status: 403 }, { status: 400 }, { status: 404 });
    const { http } = createTestHttp(server.url, { token: () => 'SECRET-TOKEN-VALUE' });
    for (let i = 0; i < 3; i += 1) {
      const error = await rejection(http.send(getMachine));
      const everything = JSON.stringify({
        message: error.message,
        friendly: error.friendlyMessage,
        details: error.details,
      });
      assert.doesNotMatch(everything, /SECRET-TOKEN-VALUE/);
    }
  });

  it('should encode query values and keep $ keys as written', () => {
    assert.equal(
      queryString({ $filter: "computerDnsName eq 'a b'", $top: 10, $skip: undefined }),
      "?$filter=computerDnsName%20eq%20'a%20b'&$top=10",
    );
  });
});
