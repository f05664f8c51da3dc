import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { TokenIssuer } from '../../../src/simulator/auth/token-issuer';
import { buildMcasAlert } from '../../../src/simulator/mcas/build-mcas-alert';
import { pushToWebhook, signWebhookBody, webhookHeaders } from '../../../src/simulator/mcas/push-to-webhook';
import type { SimContext } from '../../../src/simulator/sim-context';
import { SimState } from '../../../src/simulator/state/sim-state';
import { NOW } from './helpers/mcas-fixtures';
import { WebhookReceiver } from './helpers/webhook-receiver';

describe('pushToWebhook', () => {
  let receiver: WebhookReceiver;
  const logs: Array<{ level: string; message: string }> = [];
  const alert = buildMcasAlert({ _id: 'push-1', user: 'alice' }, NOW);

  function context(webhook: SimContext['webhook']): SimContext {
    return {
      state: new SimState(() => ({ machines: [], users: [], alerts: [], mcasAlerts: [] })),
      now: () => NOW,
      tokens: new TokenIssuer(() => NOW),
      mcasTokens: [],
      log: {
        info: (message) => logs.push({ level: 'info', message }),
        warn: (message) => logs.push({ level: 'warn', message }),
      },
      webhook,
      baseUrl: '',
    };
  }

  before(async () => {
    receiver = await WebhookReceiver.start();
  });
  after(() => receiver.stop());
  beforeEach(() => {
    receiver.reset();
    logs.length = 0;
  });

  it('should sign "<timestamp>.<body>" with HMAC-SHA256', () => {
    const expected = createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex');
    assert.equal(signWebhookBody('s3cret', 1_700_000_000, '{"a":1}'), `sha256=${expected}`);
    const headers = webhookHeaders({ url: 'http://x', secret: 's3cret' }, '{"a":1}', 1_700_000_000_500);
    assert.equal(headers['x-vigil-timestamp'], '1700000000');
    assert.equal(headers['x-vigil-signature'], `sha256=${expected}`);
  });

  it('should deliver the alert as JSON and resolve true', async () => {
    const ok = await pushToWebhook(context({ url: receiver.url, secret: 'k' }), alert);
    assert.equal(ok, true);
    assert.deepEqual(JSON.parse(receiver.received[0]?.rawBody ?? ''), alert);
  });

  it('should retry with backoff until the webhook answers', async () => {
    receiver.statuses = [500, 429, 502];
    const started = Date.now();
    const ok = await pushToWebhook(context({ url: receiver.url }), alert, { baseDelayMs: 20 });
    assert.equal(ok, true);
    assert.equal(receiver.received.length, 4);
    assert.ok(Date.now() - started >= 20 + 40 + 80, 'waited 20, 40 and 80 ms between tries');
  });

  it('should give up after the last attempt, log a warning and resolve false', async () => {
    receiver.statuses = [503, 503, 503];
    const ok = await pushToWebhook(context({ url: receiver.url }), alert, { attempts: 3, baseDelayMs: 5 });
    assert.equal(ok, false);
    assert.equal(receiver.received.length, 3);
    assert.deepEqual(
      logs.filter((entry) => entry.level === 'warn').map((entry) => entry.message),
      ['MCAS alert push to webhook failed'],
    );
  });

  it('should never throw when the webhook cannot be reached', async () => {
    const ok = await pushToWebhook(context({ url: 'http://127.0.0.1:9/unreachable' }), alert, {
      attempts: 2,
      baseDelayMs: 5,
    });
    assert.equal(ok, false);
    assert.equal(logs.at(-1)?.level, 'warn');
  });

  it('should do nothing without a webhook', async () => {
    assert.equal(await pushToWebhook(context(undefined), alert), false);
    assert.equal(receiver.received.length, 0);
  });
});
