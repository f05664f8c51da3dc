import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { NOT_A_COMMAND_YET } from '../../../src/adapters/teams/commands/route-command';
import { TURN_ERROR_MESSAGE } from '../../../src/adapters/teams/turn-error-handler';
import { socLayout } from '../../../src/demo/soc-layout';
import { SOC_CHANNEL_SETTING } from '../../../src/services/teams/soc-channel';
import {
  ADMIN,
  BOT,
  botHarness,
  cardInvoke,
  channelMessage,
  GENERAL,
  IMPOSTOR,
  installation,
  personalMessage,
  SERVICE_URL,
  SOC,
  socChannelData,
  TEAM,
  TENANT,
} from './bot-test-kit';

const textsOf = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text);
const invokeBody = (replies: Partial<Activity>[]) => {
  const response = replies.find((reply) => reply.type === 'invokeResponse');
  return response?.value as { status: number; body: { statusCode: number; type: string; value: unknown } };
};

describe('VigilBot', () => {
  describe('conversations', () => {
    it('should store the channel it is installed in, with its reference', async () => {
      const h = await botHarness();
      assert.deepEqual(await h.send(installation()), []);
      const record = await h.store.repos.conversations.get(SOC);
      assert.equal(record?.kind, 'channel');
      assert.equal(record?.tenantId, TENANT);
      assert.equal(record?.teamId, TEAM);
      assert.equal(record?.name, 'SOC Alerts');
      assert.equal(record?.reference.serviceUrl, SERVICE_URL);
      assert.deepEqual(record?.reference.bot, BOT);
      assert.equal((record?.reference.conversation as { id: string } | undefined)?.id, SOC);
    });

    it('should store the channel of a thread message, not the thread, and refresh its service URL', async () => {
      const h = await botHarness();
      await h.send(installation());
      await h.send(channelMessage('help', ADMIN, { serviceUrl: 'https://smba.trafficmanager.net/amer/' }));
      const record = await h.store.repos.conversations.get(SOC);
      assert.equal(record?.reference.serviceUrl, 'https://smba.trafficmanager.net/amer/');
      assert.equal((record?.reference.conversation as { id: string } | undefined)?.id, SOC);
      assert.equal(await h.store.repos.conversations.get(`${SOC};messageid=1700000000001`), undefined);
    });

    it('should store a personal chat as such', async () => {
      const h = await botHarness();
      await h.send(personalMessage('help'));
      const record = await h.store.repos.conversations.get('a:personal-chat-1');
      assert.equal(record?.kind, 'personal');
      assert.equal(record?.tenantId, TENANT);
    });
  });

  describe('installation', () => {
    it('should make the channel it is installed in the SOC channel in demo mode', async () => {
      const h = await botHarness({ mode: 'demo' });
      await h.send(installation());
      assert.equal(await h.socChannel.get(), SOC);
    });

    it('should keep the SOC channel already chosen when installed elsewhere in demo mode', async () => {
      const h = await botHarness({ mode: 'demo' });
      await h.send(installation());
      await h.send(installation({ id: GENERAL, name: 'General' }));
      assert.equal(await h.socChannel.get(), SOC);
    });

    it('should also remember the bot being added through conversationUpdate', async () => {
      const h = await botHarness({ mode: 'demo' });
      await h.send({
        ...installation(),
        type: 'conversationUpdate',
        action: undefined,
        membersAdded: [BOT],
        channelData: { ...socChannelData(), eventType: 'teamMemberAdded' },
      });
      assert.ok(await h.store.repos.conversations.get(SOC));
      assert.equal(await h.socChannel.get(), SOC);
    });

    it('should not choose a channel by itself in production', async () => {
      const h = await botHarness();
      await h.send(installation());
      assert.equal(await h.socChannel.get(), undefined);
    });

    it('should use SOC_CHANNEL_ID without writing it to the settings', async () => {
      const h = await botHarness({ configuredSocChannel: SOC });
      await h.send(installation());
      assert.equal(await h.socChannel.get(), SOC);
      assert.equal(await h.store.repos.settings.get(SOC_CHANNEL_SETTING), undefined);
    });

    it("should store the team's channels when installed in the team and SOC_CHANNEL_ID is another channel", async () => {
      const asked: string[] = [];
      const h = await botHarness({
        configuredSocChannel: SOC,
        deps: {
          listTeamChannels: async (_ctx, teamId) => {
            asked.push(teamId);
            return [{ id: GENERAL }, { id: SOC, name: 'SOC Alerts' }];
          },
        },
      });
      const general = { id: GENERAL, name: 'General' };
      await h.send({ ...installation(general), channelData: { ...socChannelData(general) } });
      assert.deepEqual(asked, [TEAM]);
      const record = await h.store.repos.conversations.get(SOC);
      assert.equal(record?.name, 'SOC Alerts');
      assert.equal(record?.reference.serviceUrl, SERVICE_URL);
      assert.equal((record?.reference.conversation as { id: string } | undefined)?.id, SOC);
    });
  });

  describe('commands', () => {
    it('should make the channel the SOC channel when an admin types channel here, answering in the thread', async () => {
      const h = await botHarness();
      const replies = await h.send(channelMessage('channel here'));
      assert.equal(await h.socChannel.get(), SOC);
      assert.match(replies[0]?.text ?? '', /^Done: new alert cards will be posted in this channel/);
      assert.equal(replies[0]?.conversation?.id, `${SOC};messageid=1700000000001`);
    });

    it('should politely refuse channel here from someone who is not an admin, whatever their name', async () => {
      const h = await botHarness();
      const replies = await h.send(channelMessage('channel here', IMPOSTOR));
      assert.match(replies[0]?.text ?? '', /^Only a Vigil admin can choose the SOC channel/);
      assert.equal(await h.socChannel.get(), undefined);
    });

    it('should refuse an admin id from another tenant', async () => {
      const h = await botHarness();
      const other = '99999999-0000-0000-0000-000000000009';
      const message = channelMessage('channel here');
      const replies = await h.send({
        ...message,
        conversation: { ...message.conversation!, tenantId: other },
        channelData: { ...socChannelData(), tenant: { id: other } },
      });
      assert.match(replies[0]?.text ?? '', /^Only a Vigil admin/);
    });

    it("should take the playground's current user as an admin in demo mode only", async () => {
      const alex = {
        id: socLayout.currentUser.id,
        name: 'Alex Wilber',
        aadObjectId: socLayout.currentUser.aadObjectId,
      };
      const demo = await botHarness({ mode: 'demo' });
      await demo.send(channelMessage('channel here', alex));
      assert.equal(await demo.socChannel.get(), SOC);
      const production = await botHarness();
      await production.send(channelMessage('channel here', alex));
      assert.equal(await production.socChannel.get(), undefined);
    });

    it('should explain that channel here belongs in a channel', async () => {
      const h = await botHarness();
      const replies = await h.send(personalMessage('channel here'));
      assert.match(replies[0]?.text ?? '', /in the channel where alert cards should go/);
      assert.equal(await h.socChannel.get(), undefined);
    });

    it('should list the commands for help', async () => {
      const h = await botHarness();
      const [reply] = await h.send(channelMessage('  HELP '));
      assert.match(reply?.text ?? '', /`help`/);
      assert.match(reply?.text ?? '', /`channel here`: post alert cards in this channel \(admins only\)/);
    });

    it('should point anything else to help', async () => {
      const h = await botHarness();
      assert.deepEqual(textsOf(await h.send(channelMessage('make coffee'))), [NOT_A_COMMAND_YET]);
      assert.deepEqual(textsOf(await h.send(personalMessage('what is the weather'))), [NOT_A_COMMAND_YET]);
    });

    it('should answer a typo with the closest commands', async () => {
      const h = await botHarness();
      assert.deepEqual(textsOf(await h.send(channelMessage('rol grant @x admin'))), [
        "I don't know that command. Did you mean `role grant`? Type `help` to see everything I understand.",
      ]);
      assert.match(textsOf(await h.send(personalMessage('hepl')))[0] ?? '', /Did you mean `help`\?/);
      assert.match(textsOf(await h.send(personalMessage('auidt da-1')))[0] ?? '', /Did you mean `audit`\?/);
    });
  });

  describe('card actions', () => {
    it('should answer a button click through the action service', async () => {
      const h = await botHarness();
      const replies = await h.send(
        cardInvoke({
          action: {
            type: 'Action.Execute',
            verb: 'isolate',
            data: { alertId: 'da-1', isolationType: 'Full', reason: 'ransomware' },
          },
          trigger: 'manual',
        }),
      );
      assert.deepEqual(invokeBody(replies), {
        status: 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: 'Vigil does not know alert da-1.',
        },
      });
      assert.equal(replies.length, 1);
      const [entry] = await h.store.repos.audit.list({ limit: 1 });
      assert.equal(entry?.action, 'alert.isolate.request');
      assert.equal(entry?.outcome, 'refused');
    });

    it('should answer a click whose data does not fit its verb, and audit it', async () => {
      const h = await botHarness();
      const body = invokeBody(
        await h.send(
          cardInvoke({ action: { type: 'Action.Execute', verb: 'isolate', data: { alertId: 'da-1' } } }),
        ),
      );
      assert.equal(body.status, 200);
      assert.equal(body.body.value, 'That did not work: Give a reason (it is kept in Defender).');
      const [entry] = await h.store.repos.audit.list({ limit: 1 });
      assert.deepEqual([entry?.outcome, entry?.details.reason], ['refused', 'invalid']);
    });

    it('should refuse an unknown verb with a 400 error response, and log it', async () => {
      const h = await botHarness();
      const replies = await h.send(
        cardInvoke({ action: { type: 'Action.Execute', verb: 'format-disk', data: { alertId: 'da-1' } } }),
      );
      const body = invokeBody(replies);
      assert.equal(body.status, 400);
      assert.equal(body.body.type, 'application/vnd.microsoft.error');
      assert.equal((body.body.value as { code: string }).code, 'UnknownVerb');
      assert.ok(
        h.logger.lines.some((line) => line.level === 'warn' && line.message === 'Card action refused'),
      );
      const [entry] = await h.store.repos.audit.list({ limit: 1 });
      assert.deepEqual(
        [entry?.action, entry?.outcome, entry?.details.reason, entry?.actor.aadObjectId],
        ['card.click', 'refused', 'invalid', ADMIN.aadObjectId],
      );
    });

    it('should refuse a click whose data names no alert', async () => {
      const h = await botHarness();
      const body = invokeBody(
        await h.send(cardInvoke({ action: { type: 'Action.Execute', verb: 'scan', data: {} } })),
      );
      assert.equal(body.status, 400);
      assert.equal((body.body.value as { code: string }).code, 'BadRequest');
    });

    it('should refuse an invoke that is not an Action.Execute', async () => {
      const h = await botHarness();
      for (const value of [undefined, {}, { action: { type: 'Action.Submit', verb: 'scan' } }, 'isolate']) {
        const body = invokeBody(await h.send(cardInvoke(value)));
        assert.equal(body.status, 400, JSON.stringify(value));
      }
    });

    it('should answer the Action.Submit fallback in the thread', async () => {
      const h = await botHarness();
      const replies = await h.send(
        channelMessage('', ADMIN, {
          text: undefined,
          entities: [],
          replyToId: '1700000000001',
          value: { verb: 'resolve', alertId: 'da-1', classification: 'falsePositive' },
        }),
      );
      assert.deepEqual(textsOf(replies), ['Vigil does not know alert da-1.']);
    });

    it('should tell the clicker when a Submit button is unknown', async () => {
      const h = await botHarness();
      const replies = await h.send(
        channelMessage('', ADMIN, { text: undefined, value: { verb: 'nope', alertId: 'da-1' } }),
      );
      assert.match(replies[0]?.text ?? '', /^That button did not work/);
    });
  });

  describe('unexpected errors', () => {
    it('should log them and answer a short safe message', async () => {
      const h = await botHarness();
      await h.store.close();
      const replies = await h.send(channelMessage('help'));
      assert.deepEqual(textsOf(replies), [TURN_ERROR_MESSAGE]);
      const logged = h.logger.lines.find((line) => line.level === 'error');
      assert.equal(logged?.message, 'Unhandled error in a Teams turn');
      assert.equal(logged?.fields.conversationId, `${SOC};messageid=1700000000001`);
    });

    it('should answer a failed card action with a 500 error response', async () => {
      const h = await botHarness();
      await h.store.close();
      const body = invokeBody(
        await h.send(
          cardInvoke({ action: { type: 'Action.Execute', verb: 'isolate', data: { alertId: 'da-1' } } }),
        ),
      );
      assert.equal(body.status, 500);
      assert.equal(body.body.type, 'application/vnd.microsoft.error');
    });

    it('should not answer a failed installation event', async () => {
      const h = await botHarness();
      await h.store.close();
      assert.deepEqual(await h.send(installation()), []);
      assert.ok(h.logger.lines.some((line) => line.level === 'error'));
    });
  });
});
