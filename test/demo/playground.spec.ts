import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import {
  type Activity,
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type ConversationParameters,
  type ConversationReference,
  MessageFactory,
  TurnContext,
} from 'botbuilder';
import { installBotInTeam } from '../../src/demo/install-bot';
import { type RunningPlayground, startPlayground } from '../../src/demo/playground';
import { PlaygroundError } from '../../src/demo/playground-error';
import { socLayout } from '../../src/demo/soc-layout';
import { silentLogger } from '../../src/services/ports/logger.port';
import { type RunningBot, startBotServer } from '../adapters/teams/start-bot-server';
import { PlaygroundDriver, type PlaygroundEvent } from '../helpers/playground-driver';

const card = (text: string) =>
  CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text }],
    actions: [{ type: 'Action.Execute', title: 'Isolate', verb: 'isolate', data: { alertId: 'da-1' } }],
  });

/** A tiny bot: records what it receives, echoes messages, answers card invokes with a card. */
class TinyBot extends ActivityHandler {
  readonly received: Activity[] = [];

  constructor() {
    super();
    this.onTurn(async (ctx, next) => {
      this.received.push(ctx.activity);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      const text = TurnContext.removeRecipientMention(ctx.activity) ?? '';
      await ctx.sendActivity(`echo: ${text.trim()}`);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const text = `${value.action.verb} ${String(value.action.data.alertId)} by ${ctx.activity.from.name}`;
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card(text).content };
  }

  async waitFor(predicate: (a: Activity) => boolean, timeoutMs = 5000): Promise<Activity> {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
      const found = this.received.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(
      `The bot did not receive it; it got: ${JSON.stringify(this.received.map((a) => a.type))}`,
    );
  }
}

const isGone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe('Agents Playground (demo mode and end-to-end tests)', function () {
  this.timeout(30_000);
  const channelId = socLayout.alertsChannel.id;
  const bot = new TinyBot();
  let botServer: RunningBot;
  let playground: RunningPlayground;
  let driver: PlaygroundDriver;
  let serviceUrl: string;
  let threadRef: Partial<ConversationReference>;
  let rootId: string;

  before(async () => {
    botServer = await startBotServer(bot, silentLogger);
    playground = await startPlayground({ port: 0, botEndpoint: botServer.endpoint });
    driver = await PlaygroundDriver.connect(playground.url);
  });

  after(async () => {
    await driver?.close();
    await playground?.stop();
    await botServer?.close();
  });

  it('should run with the SOC layout', async () => {
    const config = await driver.getConfig();
    assert.equal(config.bot.name, 'Vigil');
    assert.equal(config.currentUser.name, 'Alex Wilber');
    assert.equal(config.users.length, 5);
    assert.deepEqual(
      config.teams.map((t) => [t.id, t.name, t.channels.map((c) => c.name)]),
      [[socLayout.team.id, 'SOC', ['General', 'SOC Alerts']]],
    );
  });

  it("should listen on loopback only, not on the machine's network addresses", async function () {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal);
    if (outside === undefined) this.skip();
    assert.equal(await fetch(`${playground.url}/_debug/ping`).then((r) => r.text()), 'pong');
    const reached = await fetch(`http://${outside?.address}:${playground.port}/_debug/ping`).then(
      () => true,
      () => false,
    );
    assert.equal(reached, false, `the playground answered on ${outside?.address}`);
  });

  it('should install the bot in SOC Alerts with the team and channel', async () => {
    await installBotInTeam(playground.url, channelId);
    const install = await bot.waitFor((a) => a.type === 'installationUpdate');
    assert.equal(install.action, 'add');
    assert.equal(install.channelData.team.id, socLayout.team.id);
    assert.equal(install.channelData.team.name, 'SOC');
    assert.equal(install.channelData.settings.selectedChannel.id, channelId);
    assert.equal(install.conversation.tenantId, socLayout.tenantId);
    const added = await bot.waitFor((a) => a.type === 'conversationUpdate');
    assert.equal(added.channelData.eventType, 'teamMemberAdded');
    assert.deepEqual(
      added.membersAdded?.map((m) => m.id),
      [socLayout.bot.id],
    );
    serviceUrl = install.serviceUrl;
    assert.match(serviceUrl, /^http:\/\/localhost:\d+\/_connector$/);
  });

  it('should show a new thread the bot starts in SOC Alerts, card included', async () => {
    const parameters = {
      isGroup: true,
      bot: socLayout.bot,
      tenantId: socLayout.tenantId,
      channelData: { channel: { id: channelId } },
      activity: MessageFactory.attachment(card('Alert da-1: ransomware on pc-042')) as Activity,
    } satisfies ConversationParameters;
    await botServer.adapter.createConversationAsync(
      '',
      'msteams',
      serviceUrl,
      '',
      parameters,
      async (ctx) => {
        threadRef = TurnContext.getConversationReference(ctx.activity);
      },
    );
    const threadId = threadRef.conversation?.id ?? '';
    assert.match(threadId, /^19:soc-alerts@thread\.tacv2;messageid=\d+$/);
    rootId = threadId.split(';messageid=')[1]!;
    const posted = await driver.messages.waitFor(
      (e) => e.action === 'createMessage' && e.message?.messageId === rootId,
    );
    assert.equal(posted.actionConversationId, channelId);
    assert.equal(posted.message?.postConversationId, threadId);
    assert.equal(posted.message?.attachments[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
  });

  it('should show the card updated in place', async () => {
    await botServer.adapter.continueConversationAsync('', threadRef, async (ctx) => {
      await ctx.updateActivity({ type: 'message', id: rootId, attachments: [card('Alert da-1: isolated')] });
    });
    const updated = await driver.messages.waitFor(
      (e) => e.action === 'updateMessage' && e.message?.messageId === rootId,
    );
    assert.equal(updated.actionConversationId, channelId);
    const shown = driver.messages.messagesIn(channelId).find((m) => m.messageId === rootId);
    assert.match(JSON.stringify(shown?.attachments), /isolated/);
  });

  it('should deliver a reply in the thread that mentions the bot, and show its answer there', async () => {
    await driver.replyInThread(channelId, rootId, 'alert da-1');
    const threadId = `${channelId};messageid=${rootId}`;
    const message = await bot.waitFor((a) => a.type === 'message' && /alert da-1/.test(a.text ?? ''));
    assert.equal(message.conversation.id, threadId);
    assert.equal(message.from.aadObjectId, socLayout.currentUser.aadObjectId);
    await driver.messages.waitFor(
      (e) => e.actionConversationId === threadId && e.message?.text === 'echo: alert da-1',
    );
  });

  it('should deliver a new channel post that mentions the bot, and answer in its thread', async () => {
    const post = await driver.sendToChannel(channelId, 'help');
    assert.equal(post.threadId, `${channelId};messageid=${post.messageId}`);
    await driver.messages.waitFor(
      (e) => e.actionConversationId === post.threadId && e.message?.text === 'echo: help',
    );
  });

  it("should return the bot's invoke response to an Action.Execute", async () => {
    const threadId = `${channelId};messageid=${rootId}`;
    const body = await driver.invoke(threadId, rootId, 'isolate', { alertId: 'da-1' });
    // The playground passes on only `type` and `value` of the bot's response (not `statusCode`).
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(body.value), /isolate da-1 by Alex Wilber/);
    const invoke = await bot.waitFor((a) => a.type === 'invoke');
    assert.equal(invoke.replyToId, rootId);
    assert.equal(invoke.conversation.id, threadId);
  });

  it('should deliver an Action.Submit as a message carrying its value', async () => {
    await driver.submit(`${channelId};messageid=${rootId}`, rootId, { verb: 'resolve', alertId: 'da-1' });
    const submit = await bot.waitFor((a) => a.type === 'message' && a.value?.verb === 'resolve');
    assert.equal(submit.replyToId, rootId);
  });

  it('should let a test act as another user', async () => {
    const megan = driver.user('Megan Bowen');
    const threadId = `${channelId};messageid=${rootId}`;
    const sent = await driver.messageAs(megan.id, threadId, 'roles');
    const message = await bot.waitFor((a) => a.id === sent.id);
    assert.equal(message.from.id, megan.id);
    assert.equal(message.from.aadObjectId, megan.aadObjectId);
    assert.equal(message.channelData.team.id, socLayout.team.id);
    assert.equal(TurnContext.removeRecipientMention(message).trim(), 'roles');
    const invoke = await driver.invokeActivityAs(megan.id, threadId, rootId, 'isolate', { alertId: 'da-1' });
    const answer = await driver.postToBot(botServer.endpoint, invoke);
    assert.equal(answer.status, 200);
    assert.equal((answer.body as AdaptiveCardInvokeResponse).statusCode, 200);
    assert.match(JSON.stringify(answer.body), /isolate da-1 by Megan Bowen/);
  });

  it('should deliver personal chat messages without a mention', async () => {
    await driver.sendPersonal('hello');
    await driver.messages.waitFor(
      (e: PlaygroundEvent) =>
        e.actionConversationId === socLayout.personalChatId && e.message?.text === 'echo: hello',
    );
  });

  it('should refuse a port in use, naming it and PLAYGROUND_PORT', async () => {
    await assert.rejects(
      startPlayground({ port: playground.port, botEndpoint: botServer.endpoint }),
      (error) => {
        assert.ok(error instanceof PlaygroundError);
        assert.equal(error.code, 'PLAYGROUND.PORT_IN_USE');
        assert.match(error.message, new RegExp(`Port ${playground.port} .*PLAYGROUND_PORT`));
        return true;
      },
    );
  });

  it('should leave no process behind when stopped', async () => {
    assert.equal(isGone(playground.pid), false);
    await driver.close();
    await playground.stop();
    assert.equal(isGone(playground.pid), true);
  });
});
