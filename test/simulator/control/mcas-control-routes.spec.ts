import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { McasAlert } from '../../../src/simulator/model/mcas-types';
import type { SimLogger } from '../../../src/simulator/sim-context';
import { TestSimulator } from '../../helpers/sim-client';
import { WebhookReceiver } from '../mcas/helpers/webhook-receiver';

const SECRET = 'webhook-test-secret';
const ALERT_KEYS = [
  'URL',
  '_id',
  'comment',
  'contextId',
  'description',
  'entities',
  'handledByUser',
  'idValue',
  'intent',
  'isMarkdown',
  'isSystemAlert',
  'resolutionStatusValue',
  'resolveTime',
  'severityValue',
  'statusValue',
  'stories',
  'threatScore',
  'timestamp',
  'title',
];

interface ErrorBody {
  error: { code: string; message: string };
}

describe('POST /_sim/mcas/alerts', () => {
  let sim: TestSimulator;
  let receiver: WebhookReceiver;
  const warnings: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  const log: SimLogger = {
    info: () => undefined,
    warn: (message, fields) => warnings.push({ message, ...(fields ? { fields } : {}) }),
  };

  before(async () => {
    receiver = await WebhookReceiver.start();
    sim = await TestSimulator.start({ webhook: { url: receiver.url, secret: SECRET }, log });
  });
  after(async () => {
    await sim.stop();
    await receiver.stop();
  });
  beforeEach(async () => {
    await sim.call('POST', '/_sim/reset');
    sim.sim.ctx.webhook = { url: receiver.url, secret: SECRET };
    receiver.reset();
    warnings.length = 0;
  });

  const create = (body: unknown) => sim.call<McasAlert>('POST', '/_sim/mcas/alerts', { body });
  const fetchAlert = (id: string) =>
    sim.call<McasAlert>('GET', `/mcas/api/v1/alerts/${id}/`, {
      headers: { authorization: 'Token vigil-demo-secret' },
    });

  describe('creating', () => {
    it('should fill every field of an empty body, name an estate user and store the alert', async () => {
      const result = await create({});
      assert.equal(result.status, 201, result.text);
      assert.deepEqual(Object.keys(result.body).sort(), ALERT_KEYS);
      assert.match(result.body._id, /^[0-9a-f]{24}$/);
      assert.equal(result.body.resolutionStatusValue, 0);
      assert.equal(result.body.statusValue, 0);
      assert.equal(result.body.resolveTime, null);
      assert.ok(Math.abs(result.body.timestamp - Date.now()) < 5000);
      assert.equal(
        result.body.URL,
        `https://contoso.portal.cloudappsecurity.com/#/alerts/${result.body._id}`,
      );
      const account = result.body.entities.find((entity) => entity.type === 'account');
      assert.ok(account, 'an account entity');
      assert.ok(sim.sim.ctx.state.users.has(String(account.label)), `${account.label} is an estate user`);
      assert.equal(account.pa, `${account.label}@contoso.com`);
      assert.deepEqual((await fetchAlert(result.body._id)).body, result.body);
    });

    it('should build the account entity from user, given as a name or a UPN', async () => {
      const byName = await create({ user: 'bob', title: 'Mass download by a single user' });
      const account = byName.body.entities[0];
      assert.equal(account?.type, 'account');
      assert.equal(account?.pa, 'bob@contoso.com');
      assert.equal(account?.label, 'bob');
      assert.equal(account?.entityType, 2);
      const byUpn = await create({ user: 'carol@contoso.com' });
      assert.equal(byUpn.body.entities[0]?.label, 'carol');
      assert.equal(byUpn.body.entities[0]?.pa, 'carol@contoso.com');
      assert.equal(byName.body.entities[0]?.id === byUpn.body.entities[0]?.id, false);
    });

    it('should keep every given field, the id included, and fields it does not model', async () => {
      const given = {
        _id: 'custom-alert-1',
        title: 'Ransomware activity',
        description: 'Files were renamed in bulk.',
        timestamp: 1_714_557_600_000,
        severityValue: 2,
        statusValue: 1,
        threatScore: 91,
        stories: [0, 3],
        intent: [13],
        isSystemAlert: true,
        entities: [{ type: 'service', id: 15600, label: 'Microsoft OneDrive for Business' }],
        user: 'dave',
        descriptionTemplate: { template: 'custom' },
      };
      const result = await create(given);
      assert.equal(result.status, 201, result.text);
      const { user: _user, entities: _entities, ...plain } = given;
      for (const [key, value] of Object.entries(plain)) {
        assert.deepEqual((result.body as unknown as Record<string, unknown>)[key], value, key);
      }
      assert.deepEqual(
        result.body.entities.map((entity) => entity.type),
        ['account', 'service'],
      );
      assert.equal(result.body.URL, 'https://contoso.portal.cloudappsecurity.com/#/alerts/custom-alert-1');
    });

    it('should take a severity name for convenience', async () => {
      assert.equal((await create({ severity: 'High' })).body.severityValue, 2);
      assert.equal((await create({ severity: 'informational' })).body.severityValue, 3);
      assert.equal((await create({ severity: 'High', severityValue: 0 })).body.severityValue, 0);
    });

    const refusals: Array<[string, unknown, RegExp]> = [
      ['a severityValue out of range', { severityValue: 7 }, /severityValue/],
      ['a resolutionStatusValue out of range', { resolutionStatusValue: 6 }, /resolutionStatusValue/],
      ['a statusValue out of range', { statusValue: 3 }, /statusValue/],
      ['an unknown severity name', { severity: 'urgent' }, /severity/],
      ['a timestamp that is not epoch milliseconds', { timestamp: '2024-05-01T00:00:00Z' }, /timestamp/],
      ['an entity without a type', { entities: [{ id: 1, label: 'x' }] }, /entities\.0\.type/],
      ['an id that cannot go into a URL', { _id: 'a/b' }, /_id/],
    ];
    for (const [name, body, message] of refusals) {
      it(`should refuse ${name} with 400`, async () => {
        const result = await sim.call<ErrorBody>('POST', '/_sim/mcas/alerts', { body });
        assert.equal(result.status, 400, result.text);
        assert.match(result.body.error.message, message);
      });
    }

    it('should refuse an id that already exists with 409', async () => {
      assert.equal((await create({ _id: 'twice' })).status, 201);
      assert.equal((await create({ _id: 'twice' })).status, 409);
    });
  });

  describe('pushing to the webhook', () => {
    it('should push the alert record, signed with the webhook secret', async () => {
      const created = await create({ user: 'alice', title: 'Impossible travel activity' });
      const [push] = await receiver.waitFor(1);
      assert.ok(push);
      assert.equal(push.headers['content-type'], 'application/json');
      assert.equal(push.rawBody, (await fetchAlert(created.body._id)).text);
      const timestamp = String(push.headers['x-vigil-timestamp']);
      assert.match(timestamp, /^\d{10}$/);
      assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 30);
      const expected = createHmac('sha256', SECRET).update(`${timestamp}.${push.rawBody}`).digest('hex');
      assert.equal(push.headers['x-vigil-signature'], `sha256=${expected}`);
      const forged = createHmac('sha256', 'other-secret')
        .update(`${timestamp}.${push.rawBody}`)
        .digest('hex');
      assert.notEqual(push.headers['x-vigil-signature'], `sha256=${forged}`);
    });

    it('should push without signature headers when the webhook has no secret', async () => {
      sim.sim.ctx.webhook = { url: receiver.url };
      await create({});
      const [push] = await receiver.waitFor(1);
      assert.equal(push?.headers['x-vigil-signature'], undefined);
      assert.equal(push?.headers['x-vigil-timestamp'], undefined);
    });

    it('should not push when no webhook is set', async () => {
      sim.sim.ctx.webhook = undefined;
      assert.equal((await create({})).status, 201);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(receiver.received.length, 0);
    });

    it('should retry a push the webhook failed, re-signing it', async () => {
      receiver.statuses = [503];
      const created = await create({});
      assert.equal(created.status, 201);
      const pushes = await receiver.waitFor(2);
      assert.equal(pushes[0]?.rawBody, pushes[1]?.rawBody);
      const second = pushes[1];
      const expected = createHmac('sha256', SECRET)
        .update(`${second?.headers['x-vigil-timestamp']}.${second?.rawBody}`)
        .digest('hex');
      assert.equal(second?.headers['x-vigil-signature'], `sha256=${expected}`);
      assert.equal(warnings.length, 0);
    });

    it('should not retry a push the webhook refused with 401, and log it', async () => {
      receiver.statuses = [401];
      await create({});
      await receiver.waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, 700));
      assert.equal(receiver.received.length, 1);
      assert.equal(warnings[0]?.message, 'MCAS alert push to webhook failed');
      assert.equal(warnings[0]?.fields?.status, 401);
    });
  });
});

describe('GET /_sim/tls/cert', () => {
  it('should return the identity provider certificate as PEM', async () => {
    const sim = await TestSimulator.start();
    try {
      const result = await sim.call('GET', '/_sim/tls/cert');
      assert.equal(result.status, 200);
      assert.match(result.text, /^-----BEGIN CERTIFICATE-----/);
      assert.equal(result.text, sim.sim.caCertPem);
    } finally {
      await sim.stop();
    }
  });
});
