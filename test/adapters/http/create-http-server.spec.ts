import assert from 'node:assert/strict';
import { request } from 'node:http';
import sinon from 'sinon';
import {
  createHttpServer,
  type HttpServerDeps,
  type VigilHttpServer,
  type WebhookRequest,
} from '../../../src/adapters/http/create-http-server';
import { listen } from '../../../src/adapters/http/listen';
import { type Logger, silentLogger } from '../../../src/services/ports/logger.port';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

/** A raw HTTP call (fetch would re-encode bodies; the webhook tests need exact bytes). */
function call(
  port: number,
  method: string,
  path: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('createHttpServer', () => {
  let server: VigilHttpServer | undefined;
  let port: number;

  async function start(overrides: Partial<HttpServerDeps> = {}): Promise<void> {
    server = createHttpServer({
      processActivity: async (_req, res) => res.send(200, { ok: true }),
      readiness: [],
      metrics: { contentType: 'text/plain; version=0.0.4', render: async () => 'vigil_up 1\n' },
      logger: silentLogger,
      ...overrides,
    });
    port = await listen(server.server, { port: 0, host: '127.0.0.1', variable: 'PORT' });
  }

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('should answer GET /healthz while alive', async () => {
    await start();
    const answer = await call(port, 'GET', '/healthz');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { status: 'ok' });
  });

  it('should answer GET /readyz with every check when all pass', async () => {
    await start({
      readiness: [
        { name: 'store', check: async () => ({ ok: true, detail: 'answers' }) },
        { name: 'socChannel', check: () => ({ ok: true, detail: '19:soc' }) },
      ],
    });
    const answer = await call(port, 'GET', '/readyz');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, {
      status: 'ready',
      ready: true,
      checks: [
        { name: 'store', ok: true, detail: 'answers' },
        { name: 'socChannel', ok: true, detail: '19:soc' },
      ],
    });
  });

  it('should answer 503 on /readyz when a check fails, throws or hangs', async () => {
    await start({
      readinessTimeoutMs: 100,
      readiness: [
        { name: 'store', check: async () => ({ ok: true, detail: 'answers' }) },
        { name: 'socChannel', check: () => ({ ok: false, detail: 'not known yet' }) },
        {
          name: 'mdePoll',
          check: async () => {
            throw new Error('never polled');
          },
        },
        { name: 'slow', check: () => new Promise(() => undefined) },
      ],
    });
    const answer = await call(port, 'GET', '/readyz');
    assert.equal(answer.status, 503);
    const report = answer.json as { status: string; checks: { name: string; ok: boolean; detail: string }[] };
    assert.equal(report.status, 'not ready');
    assert.deepEqual(
      report.checks.map((c) => [c.name, c.ok]),
      [
        ['store', true],
        ['socChannel', false],
        ['mdePoll', false],
        ['slow', false],
      ],
    );
    assert.equal(report.checks[2]?.detail, 'never polled');
    assert.match(report.checks[3]?.detail ?? '', /no answer within 100 ms/);
  });

  it('should serve GET /metrics in the Prometheus format', async () => {
    await start();
    const answer = await call(port, 'GET', '/metrics');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-type'], 'text/plain; version=0.0.4');
    assert.equal(answer.text, 'vigil_up 1\n');
  });

  it('should hand POST /api/messages to the Bot Framework with a parsed body', async () => {
    const seen: unknown[] = [];
    await start({
      processActivity: async (req, res) => {
        seen.push(req.body);
        res.send(201);
      },
    });
    const activity = { type: 'message', text: 'hello' };
    const answer = await call(port, 'POST', '/api/messages', JSON.stringify(activity), {
      'content-type': 'application/json',
    });
    assert.equal(answer.status, 201);
    assert.deepEqual(seen, [activity]);
  });

  it('should refuse bad JSON on /api/messages with a JSON 400', async () => {
    const processActivity = sinon.fake();
    await start({ processActivity });
    const answer = await call(port, 'POST', '/api/messages', '{not json', {
      'content-type': 'application/json',
    });
    assert.equal(answer.status, 400);
    const body = answer.json as { error: { code: string; message: string } };
    assert.match(body.error.code, /^HTTP\./);
    assert.equal(typeof body.error.message, 'string');
    assert.equal(processActivity.called, false);
  });

  it('should give the webhook the exact bytes of the body, whatever the content type', async () => {
    const seen: WebhookRequest[] = [];
    await start({
      alertWebhook: async (request) => {
        seen.push(request);
        return { status: 202, body: { accepted: 1 } };
      },
    });
    const bytes = Buffer.concat([
      Buffer.from('{"title":"caf\u00e9 '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    for (const contentType of ['application/json', 'application/octet-stream', 'text/plain']) {
      const answer = await call(port, 'POST', '/api/webhooks/alerts', bytes, {
        'content-type': contentType,
        'x-vigil-signature': 'sha256=abc',
      });
      assert.equal(answer.status, 202);
      assert.deepEqual(answer.json, { accepted: 1 });
    }
    assert.equal(seen.length, 3);
    for (const request of seen) {
      assert.ok(request.rawBody.equals(bytes));
      assert.equal(request.headers['x-vigil-signature'], 'sha256=abc');
    }
  });

  it('should refuse a webhook body over the cap with 413, without calling the webhook', async () => {
    const alertWebhook = sinon.fake.resolves({ status: 200, body: {} });
    await start({ alertWebhook, maxBodyBytes: 1024 });
    const answer = await call(port, 'POST', '/api/webhooks/alerts', 'x'.repeat(5000), {
      'content-type': 'application/json',
    });
    assert.equal(answer.status, 413);
    assert.equal((answer.json as { error: { code: string } }).error.code, 'WEBHOOK.BODY_TOO_LARGE');
    assert.equal(alertWebhook.called, false);
  });

  it('should answer 404 on the webhook route when no webhook is configured', async () => {
    await start();
    const answer = await call(port, 'POST', '/api/webhooks/alerts', '{}', {
      'content-type': 'application/json',
    });
    assert.equal(answer.status, 404);
  });

  it('should answer an unknown route with a JSON 404 listing the routes', async () => {
    await start();
    const answer = await call(port, 'GET', '/nope');
    assert.equal(answer.status, 404);
    const body = answer.json as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'HTTP.NOT_FOUND');
    assert.match(body.error.message, /No route GET \/nope\. Vigil serves: POST \/api\/messages/);
  });

  it('should answer a wrong method with a JSON 405', async () => {
    await start();
    const answer = await call(port, 'GET', '/api/messages');
    assert.equal(answer.status, 405);
    assert.equal((answer.json as { error: { code: string } }).error.code, 'HTTP.METHOD_NOT_ALLOWED');
  });

  it('should answer a failing handler with a generic 500 and log the cause', async () => {
    const errors: unknown[] = [];
    const logger: Logger = { ...silentLogger, error: (fields) => errors.push(fields) };
    await start({
      logger,
      processActivity: async () => {
        throw new Error('database password is hunter2');
      },
    });
    const answer = await call(port, 'POST', '/api/messages', '{}', { 'content-type': 'application/json' });
    assert.equal(answer.status, 500);
    assert.deepEqual(answer.json, {
      error: { code: 'HTTP.INTERNAL', message: 'Vigil could not handle this request.' },
    });
    assert.equal(answer.text.includes('hunter2'), false);
    assert.equal(errors.length, 1);
  });
});
