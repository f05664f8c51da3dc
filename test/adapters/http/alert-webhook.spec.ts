import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sinon from 'sinon';
import { type AlertWebhook, createAlertWebhook } from '../../../src/adapters/http/alert-webhook';
import type { WebhookConfig } from '../../../src/config/load-config';
import { VigilError } from '../../../src/domain/errors/vigil-error';
import type { Store } from '../../../src/services/ports/store.port';
import { buildMcasAlert } from '../../../src/simulator/mcas/build-mcas-alert';
import { signWebhookBody } from '../../../src/simulator/mcas/push-to-webhook';
import { TestSimulator } from '../../helpers/sim-client';
import {
  kinds,
  openTestStore,
  recordingLogger,
  TestClock,
  takeOutbox,
  testAlert,
  testIngestor,
} from '../../services/ingest/helpers/ingest-fixtures';

const SECRET = 'whsec-0123456789abcdef-shared';
const TOKEN = 'flow-token-fedcba9876543210';
const NOW_MS = Date.UTC(2026, 2, 2, 9, 30, 0);
const NOW_S = Math.floor(NOW_MS / 1000);

const mcasRecord = (id = '65e2f0a01234567890abcdef') =>
  buildMcasAlert(
    { _id: id, title: 'Impossible travel activity', user: 'alice', severityValue: 2 },
    NOW_MS - 60_000,
  );

const mdeRecord = {
  id: 'da638449999999999999_1234567890',
  incidentId: 42,
  severity: 'High',
  status: 'New',
  title: 'Ransomware behavior detected',
  category: 'Ransomware',
  detectionSource: 'WindowsDefenderAtp',
  alertCreationTime: '2026-03-02T09:20:00.1234567Z',
  lastUpdateTime: '2026-03-02T09:21:00Z',
  machineId: 'a'.repeat(40),
  computerDnsName: 'ws-042.contoso.com',
  evidence: [],
};

function signed(body: string, timestampS = NOW_S, secret = SECRET) {
  return {
    headers: {
      'content-type': 'application/json',
      'x-vigil-timestamp': String(timestampS),
      'x-vigil-signature': signWebhookBody(secret, timestampS, body),
    },
    rawBody: body,
  };
}

describe('createAlertWebhook', () => {
  let store: Store;
  let clock: TestClock;
  let lines: { level: string; fields: Record<string, unknown>; message: string }[];

  beforeEach(async () => {
    store = await openTestStore();
    clock = new TestClock(NOW_MS);
    lines = [];
  });
  afterEach(() => store.close());

  function webhook(
    config: Partial<WebhookConfig> = { hmacSecret: SECRET },
    mde?: { getAlert: sinon.SinonStub },
  ) {
    return createAlertWebhook({
      config: { replayWindowS: 300, ...config },
      ingestor: testIngestor(store),
      clock,
      logger: recordingLogger(lines),
      ...(mde ? { mde } : {}),
    });
  }

  async function assertNothingStored(): Promise<void> {
    assert.equal(await store.repos.alerts.count(), 0);
    assert.deepEqual(await takeOutbox(store), []);
  }

  describe('a signed request', () => {
    it('should accept a Cloud Apps alert as the simulator pushes it, and post its card', async () => {
      const record = mcasRecord();
      const response = await webhook()(signed(JSON.stringify(record)));

      assert.equal(response.status, 202);
      assert.deepEqual(response.body, {
        accepted: 1,
        outcomes: [{ alertId: record._id, source: 'mcas', outcome: 'new' }],
      });
      const stored = await store.repos.alerts.get(record._id);
      assert.equal(stored?.alert.title, 'Impossible travel activity');
      assert.equal(stored?.alert.severity, 'high');
      assert.deepEqual(kinds(await takeOutbox(store)), ['postCard']);
    });

    it('should answer a retried push with unchanged, and post nothing more', async () => {
      const hook = webhook();
      const body = JSON.stringify(mcasRecord());
      await hook(signed(body));
      await takeOutbox(store);

      const again = await hook(signed(body, NOW_S + 1));
      assert.equal(again.status, 202);
      assert.equal((again.body as { outcomes: { outcome: string }[] }).outcomes[0]?.outcome, 'unchanged');
      assert.deepEqual(await takeOutbox(store), []);
    });

    it('should accept a Buffer body, an MDE alert record and an array of records', async () => {
      const body = JSON.stringify([mdeRecord, mcasRecord()]);
      const response = await webhook()({ ...signed(body), rawBody: Buffer.from(body) });

      assert.equal(response.status, 202);
      assert.equal((response.body as { accepted: number }).accepted, 2);
      const mde = await store.repos.alerts.get(mdeRecord.id);
      assert.equal(mde?.alert.machine?.name, 'ws-042.contoso.com');
      assert.equal(mde?.alert.createdAt, '2026-03-02T09:20:00.123Z');
    });

    it('should accept a timestamp at the edge of the window', async () => {
      const body = JSON.stringify(mcasRecord());
      assert.equal((await webhook()(signed(body, NOW_S - 300))).status, 202);
    });
  });

  describe('an MDE Flow trigger', () => {
    it('should look the alert up in Defender and ingest it', async () => {
      const getAlert = sinon.stub().resolves(testAlert({ id: mdeRecord.id }));
      const body = JSON.stringify({ id: mdeRecord.id, machineId: 'a'.repeat(40) });

      const response = await webhook({ hmacSecret: SECRET }, { getAlert })(signed(body));

      assert.equal(response.status, 202);
      assert.deepEqual(getAlert.args, [[mdeRecord.id]]);
      assert.ok(await store.repos.alerts.get(mdeRecord.id));
    });

    it('should answer 404 when Defender does not know the alert, and 400 without an MDE client', async () => {
      const getAlert = sinon.stub().rejects(new VigilError('DEFENDER.NOT_FOUND', 'No such alert.'));
      const body = JSON.stringify({ alertId: 'da1_2' });

      const missing = await webhook({ hmacSecret: SECRET }, { getAlert })(signed(body));
      assert.equal(missing.status, 404);
      assert.deepEqual((missing.body as { error: { code: string } }).error.code, 'WEBHOOK.ALERT_NOT_FOUND');
      assert.equal((await webhook()(signed(body))).status, 400);
      await assertNothingStored();
    });

    it('should answer 502 when Defender fails, so that the sender tries again', async () => {
      const getAlert = sinon
        .stub()
        .rejects(new VigilError('DEFENDER.UNAVAILABLE', 'Defender is unavailable.'));
      const response = await webhook(
        { hmacSecret: SECRET },
        { getAlert },
      )(signed(JSON.stringify({ id: 'da1_2' })));
      assert.equal(response.status, 502);
    });
  });

  describe('refusals (401, nothing stored)', () => {
    const body = JSON.stringify(mcasRecord());
    const refusals: [string, () => { headers: Record<string, string>; rawBody: string }][] = [
      ['a wrong signature', () => signed(body, NOW_S, 'not-the-secret')],
      ['a signature of another body', () => ({ ...signed(body), rawBody: body.replace('alice', 'mallory') })],
      ['no signature headers', () => ({ headers: { 'content-type': 'application/json' }, rawBody: body })],
      [
        'a timestamp without a signature',
        () => ({ headers: { 'x-vigil-timestamp': String(NOW_S) }, rawBody: body }),
      ],
      ['a stale timestamp', () => signed(body, NOW_S - 301)],
      ['a timestamp from the future', () => signed(body, NOW_S + 301)],
      [
        'a timestamp that is not unix seconds',
        () => {
          const request = signed(body);
          return { ...request, headers: { ...request.headers, 'x-vigil-timestamp': '2026-03-02T09:30:00Z' } };
        },
      ],
      [
        'a signature without its sha256= prefix',
        () => {
          const request = signed(body);
          const signature = request.headers['x-vigil-signature'].slice('sha256='.length);
          return { ...request, headers: { ...request.headers, 'x-vigil-signature': signature } };
        },
      ],
      [
        'a bearer token when only signing is configured',
        () => ({ headers: { authorization: `Bearer ${SECRET}` }, rawBody: body }),
      ],
    ];
    for (const [what, request] of refusals) {
      it(`should refuse ${what}`, async () => {
        const response = await webhook()(request());
        assert.equal(response.status, 401);
        assert.equal((response.body as { error: { code: string } }).error.code, 'WEBHOOK.UNAUTHORIZED');
        await assertNothingStored();
      });
    }

    it('should refuse a signed request replayed after the window has passed', async () => {
      const hook = webhook();
      const request = signed(JSON.stringify(mcasRecord()));
      assert.equal((await hook(request)).status, 202);
      await takeOutbox(store);
      clock.advance(301_000);
      const replay = await hook(request);
      assert.equal(replay.status, 401);
      assert.match((replay.body as { error: { message: string } }).error.message, /window/);
      assert.equal(await store.repos.alerts.count(), 1);
      assert.deepEqual(await takeOutbox(store), []);
    });

    it('should refuse everything when neither a secret nor a token is configured', async () => {
      const hook = webhook({});
      assert.equal((await hook(signed(body, NOW_S, ''))).status, 401);
      assert.equal((await hook({ headers: { authorization: 'Bearer ' }, rawBody: body })).status, 401);
      assert.equal((await hook({ headers: {}, rawBody: body })).status, 401);
      await assertNothingStored();
    });
  });

  describe('a bearer token', () => {
    const body = JSON.stringify(mcasRecord());

    it('should accept the right token', async () => {
      const response = await webhook({ bearerToken: TOKEN })({
        headers: { authorization: `Bearer ${TOKEN}` },
        rawBody: body,
      });
      assert.equal(response.status, 202);
    });

    it('should refuse a wrong, partial or missing token, and nothing is stored', async () => {
      const hook = webhook({ bearerToken: TOKEN });
      for (const authorization of [
        `Bearer ${TOKEN}x`,
        `Bearer ${TOKEN.slice(0, -1)}`,
        `Basic ${TOKEN}`,
        undefined,
      ]) {
        const headers = authorization === undefined ? {} : { authorization };
        assert.equal((await hook({ headers, rawBody: body })).status, 401, String(authorization));
      }
      await assertNothingStored();
    });

    it('should accept either credential when both are configured', async () => {
      const hook = webhook({ hmacSecret: SECRET, bearerToken: TOKEN });
      assert.equal((await hook(signed(body))).status, 202);
      assert.equal(
        (await hook({ headers: { authorization: `Bearer ${TOKEN}` }, rawBody: body })).status,
        202,
      );
      assert.equal((await hook({ headers: { authorization: 'Bearer nope' }, rawBody: body })).status, 401);
    });
  });

  describe('bodies', () => {
    const bad: [string, string, string][] = [
      ['invalid JSON', '{"_id": ', 'WEBHOOK.INVALID_JSON'],
      ['an empty array', '[]', 'WEBHOOK.EMPTY'],
      ['an unknown shape', '{"hello": "world"}', 'WEBHOOK.UNKNOWN_SHAPE'],
      ['a number', '42', 'WEBHOOK.UNKNOWN_SHAPE'],
      [
        'an MCAS record with a bad field',
        JSON.stringify({ ...mcasRecord(), timestamp: 'yesterday' }),
        'WEBHOOK.INVALID_RECORD',
      ],
      [
        'an MDE record with a bad time',
        JSON.stringify({ ...mdeRecord, alertCreationTime: 'soon' }),
        'WEBHOOK.INVALID_RECORD',
      ],
      [
        'an MCAS time out of range',
        JSON.stringify({ ...mcasRecord(), timestamp: 1e20 }),
        'WEBHOOK.INVALID_RECORD',
      ],
      ['a trigger id that is a path', JSON.stringify({ id: '../machines/x' }), 'WEBHOOK.INVALID_RECORD'],
      [
        'one bad record among good ones',
        JSON.stringify([mcasRecord(), { nope: true }]),
        'WEBHOOK.UNKNOWN_SHAPE',
      ],
    ];
    for (const [what, body, code] of bad) {
      it(`should answer 400 ${code} to ${what}, storing nothing`, async () => {
        const response = await webhook()(signed(body));
        assert.equal(response.status, 400);
        const error = (response.body as { error: { code: string; message: string } }).error;
        assert.equal(error.code, code);
        assert.ok(error.message.length > 10);
        await assertNothingStored();
      });
    }

    it('should answer 500 when the alert cannot be stored', async () => {
      const hook = webhook();
      await store.close();
      const response = await hook(signed(JSON.stringify(mcasRecord())));
      assert.equal(response.status, 500);
      store = await openTestStore();
    });
  });

  it('should never log the secret, the token or a signature', async () => {
    const hook = webhook({ hmacSecret: SECRET, bearerToken: TOKEN });
    const body = JSON.stringify(mcasRecord());
    const good = signed(body);
    await hook(good);
    await hook(signed(body, NOW_S, 'wrong'));
    await hook({ headers: { authorization: `Bearer ${TOKEN}` }, rawBody: body });
    await hook({ headers: { authorization: 'Bearer guess' }, rawBody: body });
    await hook(signed('{bad'));
    const text = JSON.stringify(lines);
    assert.ok(lines.length >= 5);
    for (const secret of [SECRET, TOKEN, good.headers['x-vigil-signature'].slice(7), 'guess']) {
      assert.equal(text.includes(secret), false, `a log line holds ${secret.slice(0, 6)}…`);
    }
  });

  describe('with the simulator pushing Cloud Apps alerts', () => {
    let sim: TestSimulator;
    let server: Server;
    let hook: AlertWebhook;

    before(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          void hook({ headers: req.headers, rawBody: Buffer.concat(chunks) }).then((answer) => {
            res.writeHead(answer.status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(answer.body));
          });
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/alerts`;
      sim = await TestSimulator.start({ webhook: { url, secret: SECRET } });
    });
    after(async () => {
      await sim.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('should verify and ingest what the simulator pushes', async () => {
      clock.ms = Date.now();
      hook = webhook();
      const created = await sim.call<{ _id: string }>('POST', '/_sim/mcas/alerts', {
        body: { title: 'Mass download by a single user', severityValue: 1 },
      });
      assert.equal(created.status, 201);
      const deadline = Date.now() + 5000;
      while (!(await store.repos.alerts.get(created.body._id)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const stored = await store.repos.alerts.get(created.body._id);
      assert.equal(stored?.alert.source, 'mcas');
      assert.equal(stored?.alert.severity, 'medium');
      assert.deepEqual(kinds(await takeOutbox(store)), ['postCard']);
    });
  });
});
