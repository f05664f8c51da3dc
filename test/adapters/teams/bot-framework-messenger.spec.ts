import assert from 'node:assert/strict';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createBotFrameworkMessenger } from '../../../src/adapters/teams/bot-framework-messenger';
import { isVigilError } from '../../../src/domain/errors/vigil-error';
import { silentLogger } from '../../../src/services/ports/logger.port';
import type { ConversationRecord } from '../../../src/services/ports/store.port';
import { TEAMS_ERROR_CODES, type TeamsMessage } from '../../../src/services/ports/teams.port';
import { FakeConnector } from './fake-connector';

const SOC = '19:soc-alerts@thread.tacv2';
const card: TeamsMessage = {
  kind: 'card',
  card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Alert' }] },
  fallbackText: '🔴 High alert: Ransomware on pc-042',
};

describe('createBotFrameworkMessenger (against a loopback connector)', () => {
  const connector = new FakeConnector();
  let adapter: CloudAdapter;
  let channel: ConversationRecord;
  let turnErrors: unknown[];

  before(() => connector.start());
  after(() => connector.stop());
  beforeEach(() => {
    connector.requests.length = 0;
    turnErrors = [];
    adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    adapter.onTurnError = async (_ctx, error) => {
      turnErrors.push(error);
    };
    channel = {
      id: SOC,
      kind: 'channel',
      tenantId: 'tenant-1',
      reference: {
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        bot: { id: '28:vigil', name: 'Vigil' },
        conversation: { id: SOC, conversationType: 'channel', tenantId: 'tenant-1' },
      },
      updatedAt: '2026-03-02T09:00:00.000Z',
    };
  });

  const messenger = () => createBotFrameworkMessenger({ adapter, appId: '', logger: silentLogger });

  it("should start a thread in the channel and read the root id from the thread's id", async () => {
    const posted = await messenger().postThread(channel, card);
    assert.equal(posted.threadId, `${SOC};messageid=${posted.activityId}`);
    const request = connector.requests[0];
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.match(request.path, /\/_connector\/v3\/conversations$/);
    assert.equal(request.body.isGroup, true);
    assert.deepEqual((request.body.channelData as { channel: unknown }).channel, { id: SOC });
    const activity = request.body.activity as { attachments: { contentType: string }[]; summary: string };
    assert.equal(activity.attachments[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(activity.summary, card.fallbackText);
  });

  it('should update the root message in its thread', async () => {
    await messenger().updateMessage(channel, `${SOC};messageid=42`, '42', card);
    const [request] = connector.requests;
    assert.equal(request?.method, 'PUT');
    assert.equal(
      decodeURIComponent(request?.path ?? ''),
      `/_connector/v3/conversations/${SOC};messageid=42/activities/42`,
    );
  });

  it('should reply in the thread', async () => {
    await messenger().reply(channel, `${SOC};messageid=42`, { kind: 'text', text: 'Resolved' });
    const [request] = connector.requests;
    assert.equal(request?.method, 'POST');
    assert.match(
      decodeURIComponent(request?.path ?? ''),
      new RegExp(`/v3/conversations/${SOC};messageid=42/activities`),
    );
    assert.equal(request?.body.text, 'Resolved');
  });

  it('should map refusals to Teams error codes, even inside a proactive turn', async () => {
    const cases: [number, string][] = [
      [429, TEAMS_ERROR_CODES.throttled],
      [412, TEAMS_ERROR_CODES.transient],
      [403, TEAMS_ERROR_CODES.notInConversation],
      [404, TEAMS_ERROR_CODES.notInConversation],
      [413, TEAMS_ERROR_CODES.tooLarge],
      [400, TEAMS_ERROR_CODES.failed],
    ];
    for (const [status, code] of cases) {
      connector.answerNext({ status, body: { error: { code: 'X', message: 'no' } } });
      await assert.rejects(
        messenger().postThread(channel, card),
        (e) => isVigilError(e, code),
        `post ${status}`,
      );
      connector.answerNext({ status, body: { error: { code: 'X', message: 'no' } } });
      await assert.rejects(
        messenger().reply(channel, `${SOC};messageid=42`, { kind: 'text', text: 'x' }),
        (e) => isVigilError(e, code),
        `reply ${status}`,
      );
    }
    assert.deepEqual(turnErrors, []);
  });

  it("should pass on Teams' Retry-After once the connector's own retries are spent", async () => {
    const throttle = { status: 429, headers: { 'retry-after': '0' } };
    connector.answerNext(throttle, throttle, throttle, throttle);
    await assert.rejects(messenger().postThread(channel, card), (e) => {
      assert.ok(isVigilError(e, TEAMS_ERROR_CODES.throttled));
      assert.equal(e.details.retryAfterS, 0);
      return true;
    });
  });

  it('should take a connector that cannot be reached as transient', async () => {
    const gone = {
      ...channel,
      reference: { ...channel.reference, serviceUrl: 'http://127.0.0.1:1/_connector' },
    };
    await assert.rejects(messenger().postThread(gone, card), (e) =>
      isVigilError(e, TEAMS_ERROR_CODES.transient),
    );
  });

  it('should refuse a thread without a root message id', async () => {
    connector.answerNext({ status: 201, body: { id: SOC, activityId: '9' } });
    await assert.rejects(messenger().postThread(channel, card), (e) =>
      isVigilError(e, TEAMS_ERROR_CODES.failed),
    );
  });

  it('should refuse a conversation with no service URL', async () => {
    const broken = { ...channel, reference: {} };
    await assert.rejects(messenger().reply(broken, undefined, card), (e) =>
      isVigilError(e, TEAMS_ERROR_CODES.failed),
    );
  });
});
