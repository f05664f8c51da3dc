import assert from 'node:assert/strict';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { bootstrapAdmins } from '../../../src/adapters/teams/bootstrap-admins';
import { createBotFrameworkMessenger } from '../../../src/adapters/teams/bot-framework-messenger';
import { templateCardRenderer } from '../../../src/adapters/teams/cards/template-card-renderer';
import { createVigilBot } from '../../../src/adapters/teams/vigil-bot';
import { installBotInTeam } from '../../../src/demo/install-bot';
import { type RunningPlayground, startPlayground } from '../../../src/demo/playground';
import { socLayout } from '../../../src/demo/soc-layout';
import { isVigilError } from '../../../src/domain/errors/vigil-error';
import { createOutboxWorker } from '../../../src/services/outbox/outbox-worker';
import { noMetrics } from '../../../src/services/ports/metrics.port';
import type { ConversationRecord, Store } from '../../../src/services/ports/store.port';
import {
  TEAMS_ERROR_CODES,
  type TeamsMessage,
  type TeamsMessenger,
} from '../../../src/services/ports/teams.port';
import { createSocChannel, type SocChannel } from '../../../src/services/teams/soc-channel';
import { PlaygroundDriver, type PlaygroundEvent } from '../../helpers/playground-driver';
import { makeAlert, makeMachine } from '../../services/outbox/outbox-test-kit';
import { recordingLogger } from './bot-test-kit';
import { type RunningBot, startBotServer } from './start-bot-server';

const SOC = socLayout.alertsChannel.id;
const card = (text: string): TeamsMessage => ({
  kind: 'card',
  card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] },
  fallbackText: text,
});

/** Polls `check` until it returns something, for up to 5 s. */
async function eventually<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('Not within 5 s');
}

/** What this spec's stand-in isolate handler answers. */
const ISOLATE_ANSWER = 'Isolation requested: the card follows it.';

describe('Vigil on the Agents Playground (bot, messenger, outbox)', function () {
  this.timeout(30_000);
  const logger = recordingLogger();
  let store: Store;
  let socChannel: SocChannel;
  let bot: RunningBot;
  let playground: RunningPlayground;
  let driver: PlaygroundDriver;
  let messenger: TeamsMessenger;
  let channel: ConversationRecord;
  let rootId: string;
  let threadId: string;

  const created = (conversationId: string, messageId?: string) => (e: PlaygroundEvent) =>
    e.action === 'createMessage' &&
    e.actionConversationId === conversationId &&
    (messageId === undefined || e.message?.messageId === messageId);

  before(async () => {
    store = await openSqliteStore(':memory:');
    socChannel = createSocChannel({ settings: store.repos.settings });
    const config = {
      mode: 'demo' as const,
      teams: { admins: [] },
      bot: { appType: 'SingleTenant' as const, host: '', port: 0 },
      defender: { tenantId: socLayout.tenantId } as never,
    };
    const vigil = createVigilBot({
      store,
      socChannel,
      isAdmin: bootstrapAdmins(config),
      mode: 'demo',
      logger,
      clock: { now: Date.now },
      cardActions: new Map([['isolate', { verb: 'isolate' as const, handle: async () => ISOLATE_ANSWER }]]),
    });
    bot = await startBotServer(vigil, logger);
    playground = await startPlayground({ port: 0, botEndpoint: bot.endpoint });
    driver = await PlaygroundDriver.connect(playground.url);
    messenger = createBotFrameworkMessenger({ adapter: bot.adapter, appId: '', logger });
  });

  after(async () => {
    await driver?.close();
    await playground?.stop();
    await bot?.close();
    await store?.close();
  });

  it('should store SOC Alerts on install and make it the SOC channel (demo mode)', async () => {
    await installBotInTeam(playground.url, SOC);
    channel = await eventually(() => store.repos.conversations.get(SOC));
    assert.equal(channel.kind, 'channel');
    assert.equal(channel.teamId, socLayout.team.id);
    assert.equal(channel.tenantId, socLayout.tenantId);
    assert.match(String(channel.reference.serviceUrl), /^http:\/\/localhost:\d+\/_connector$/);
    assert.equal(await eventually(() => socChannel.get()), SOC);
  });

  it('should post a new thread in SOC Alerts', async () => {
    const posted = await messenger.postThread(channel, card('Alert da-1: ransomware on pc-042'));
    rootId = posted.activityId;
    threadId = posted.threadId;
    assert.equal(threadId, `${SOC};messageid=${rootId}`);
    const event = await driver.messages.waitFor(created(SOC, rootId));
    assert.equal(event.message?.postConversationId, threadId);
    assert.match(JSON.stringify(event.message?.attachments), /ransomware on pc-042/);
  });

  it('should update the card in place', async () => {
    await messenger.updateMessage(channel, threadId, rootId, card('Alert da-1: resolved'));
    await driver.messages.waitFor((e) => e.action === 'updateMessage' && e.message?.messageId === rootId);
    const shown = driver.messages.messagesIn(SOC).find((m) => m.messageId === rootId);
    assert.match(JSON.stringify(shown?.attachments), /resolved/);
  });

  it('should reply in the thread', async () => {
    await messenger.reply(channel, threadId, { kind: 'text', text: 'Status: New → Resolved' });
    const event = await driver.messages.waitFor(created(threadId));
    assert.equal(event.message?.text, 'Status: New → Resolved');
  });

  it('should say the bot is not in a conversation the playground does not know', async () => {
    const unknown = { ...channel, id: '19:nowhere@thread.tacv2' };
    const notIn = (e: unknown) => isVigilError(e, TEAMS_ERROR_CODES.notInConversation);
    await assert.rejects(messenger.postThread(unknown, card('x')), notIn);
    await assert.rejects(messenger.reply(unknown, `${unknown.id};messageid=1`, card('x')), notIn);
    await assert.rejects(messenger.updateMessage(channel, threadId, '999999', card('x')), notIn);
  });

  it('should post, update and reply through the outbox, drawing the alert card', async () => {
    const now = new Date().toISOString();
    await store.repos.alerts.save(makeAlert({ id: 'da-9', title: 'Mimikatz credential theft' }), now);
    await store.repos.folds.create({ id: 'g9', titleKey: 'mde:mimikatz', rootAlertId: 'da-9', at: now });
    await store.repos.outbox.enqueue({ kind: 'postCard', groupId: 'g9', at: now });
    const worker = createOutboxWorker({
      store,
      messenger,
      renderer: templateCardRenderer,
      machines: { getMachine: async (id) => makeMachine({ id }) },
      socChannel: () => socChannel.get(),
      clock: { now: Date.now },
      logger,
      metrics: noMetrics,
    });
    await worker.runOnce();
    const saved = await store.repos.cards.get('g9');
    assert.ok(saved, 'the card is saved');
    const posted = await driver.messages.waitFor(created(SOC, saved.activityId));
    assert.match(JSON.stringify(posted.message?.attachments), /Mimikatz credential theft/);
    await store.repos.alerts.save(
      makeAlert({ id: 'da-9', title: 'Mimikatz credential theft', status: 'resolved' }),
      new Date().toISOString(),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.repos.outbox.enqueue({ kind: 'updateCard', groupId: 'g9', at: new Date().toISOString() });
    await store.repos.outbox.enqueue({
      kind: 'reply',
      groupId: 'g9',
      payload: { text: 'Status: New → Resolved' },
      at: new Date().toISOString(),
    });
    await eventually(async () =>
      (await worker.runOnce()) === 0 && (await store.repos.outbox.depth()) === 0 ? true : undefined,
    );
    await driver.messages.waitFor(
      (e) => e.action === 'updateMessage' && e.message?.messageId === saved.activityId,
    );
    await driver.messages.waitFor(created(saved.threadId));
  });

  it('should answer help in the thread of the message', async () => {
    const post = await driver.sendToChannel(SOC, 'help');
    const answer = await driver.messages.waitFor(created(post.threadId));
    assert.match(answer.message?.text ?? '', /channel here/);
  });

  it("should let the playground's user choose the channel, and refuse another user", async () => {
    const post = await driver.sendToChannel(SOC, 'channel here');
    const done = await driver.messages.waitFor(created(post.threadId));
    assert.match(done.message?.text ?? '', /^Done/);
    const megan = driver.user('Megan Bowen');
    await driver.messageAs(megan.id, post.threadId, 'channel here');
    await driver.messages.waitFor(
      (e) => created(post.threadId)(e) && /^Only a Vigil admin/.test(e.message?.text ?? ''),
    );
  });

  it("should carry a card button's invoke to its handler and its answer back", async () => {
    const body = await driver.invoke(threadId, rootId, 'isolate', { alertId: 'da-1' });
    assert.deepEqual(body, {
      type: 'application/vnd.microsoft.activity.message',
      value: ISOLATE_ANSWER,
    });
    const bad = await driver.invokeActivityAs(
      driver.context.currentUser.id,
      threadId,
      rootId,
      'format-disk',
      { alertId: 'da-1' },
    );
    const answer = await driver.postToBot(bot.endpoint, bad);
    assert.equal((answer.body as { statusCode: number }).statusCode, 400);
  });

  it('should have logged no turn error', () => {
    assert.deepEqual(
      logger.lines.filter((line) => line.level === 'error'),
      [],
    );
  });
});
