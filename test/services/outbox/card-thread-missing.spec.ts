import assert from 'node:assert/strict';
import { toTeamsError } from '../../../src/adapters/teams/to-teams-error';
import { VigilError } from '../../../src/domain/errors/vigil-error';
import { isCardMessageMissing } from '../../../src/services/outbox/card-message-missing';
import { type Logger, silentLogger } from '../../../src/services/ports/logger.port';
import { TEAMS_ERROR_CODES } from '../../../src/services/ports/teams.port';
import { channelRecord, type OutboxFixture, outboxFixture, SOC } from './outbox-test-kit';

/** A connector failure as `@azure/core-rest-pipeline` throws it, mapped as the Teams adapter maps it. */
function connectorError(statusCode: number, code: string | undefined, message: string): VigilError {
  return toTeamsError(Object.assign(new Error(message), { statusCode, ...(code ? { code } : {}) }), 'update');
}
const messageGone = () =>
  connectorError(404, 'ActivityNotFoundInConversation', 'Message does not exist in the thread.');
const botRemoved = () =>
  connectorError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
const conversationGone = () => connectorError(404, 'ConversationNotFound', 'Conversation not found.');

/** A logger that keeps its warn lines (child loggers included). */
function warnRecorder(): Logger & { warns: string[] } {
  const warns: string[] = [];
  const logger: Logger & { warns: string[] } = {
    ...silentLogger,
    warns,
    warn: (_fields, message) => warns.push(message),
    child: () => logger,
  };
  return logger;
}

/** A fixture whose group `g1` already has its card posted in the SOC channel (activity 1001). */
async function withPostedCard(logger: Logger = silentLogger): Promise<OutboxFixture> {
  const f = await outboxFixture({ logger });
  await f.seedGroup('g1');
  await f.enqueue('postCard', 'g1');
  await f.worker.runOnce();
  f.time.advance(5000);
  return f;
}

describe('isCardMessageMissing', () => {
  it("should hold for Teams' ActivityNotFoundInConversation, and a bare 404", () => {
    assert.equal(isCardMessageMissing(messageGone()), true);
    assert.equal(isCardMessageMissing(connectorError(404, undefined, 'Not Found')), true);
  });

  it('should not hold when the bot or the conversation is gone, or for other failures', () => {
    assert.equal(isCardMessageMissing(botRemoved()), false);
    assert.equal(isCardMessageMissing(conversationGone()), false);
    assert.equal(isCardMessageMissing(connectorError(403, undefined, 'Forbidden')), false);
    assert.equal(isCardMessageMissing(connectorError(500, 'ActivityNotFoundInConversation', 'x')), false);
    assert.equal(isCardMessageMissing(new VigilError(TEAMS_ERROR_CODES.tooLarge, 'too big')), false);
    assert.equal(isCardMessageMissing(new Error('Message does not exist in the thread.')), false);
  });
});

describe('an update whose card message is gone', () => {
  it('should post the card again as a new thread in the SOC channel and make it the group card', async () => {
    const logger = warnRecorder();
    const f = await withPostedCard(logger);
    await f.enqueue('updateCard', 'g1');
    f.messenger.failNext(messageGone());
    await f.worker.runOnce();

    const posts = f.messenger.callsOf('post');
    assert.equal(posts.length, 2);
    assert.equal(posts[1]?.conversationId, SOC);
    assert.equal(posts[1]?.message.kind, 'card');
    const card = await f.store.repos.cards.get('g1');
    assert.equal(card?.channelId, SOC);
    assert.equal(card?.threadId, `${SOC};messageid=1002`);
    assert.equal(card?.activityId, '1002');
    assert.equal(card?.postedAt, f.time.iso());
    assert.equal(await f.store.repos.outbox.depth(), 0);
    assert.deepEqual(f.metrics.events.slice(-1), ['teamsSend:update:ok']);
    assert.deepEqual(logger.warns, ['card thread missing: re-posted']);
  });

  it('should send the replies and updates that follow to the new thread', async () => {
    const f = await withPostedCard();
    await f.enqueue('updateCard', 'g1');
    f.messenger.failNext(messageGone());
    await f.worker.runOnce();
    f.time.advance(5000);

    await f.enqueue('reply', 'g1', { text: 'Isolated by alice' });
    await f.enqueue('updateCard', 'g1');
    await f.worker.runOnce();

    const [reply] = f.messenger.callsOf('reply');
    assert.equal(reply?.threadId, `${SOC};messageid=1002`);
    const updates = f.messenger.callsOf('update');
    assert.equal(updates.length, 2);
    assert.equal(updates[1]?.activityId, '1002');
    assert.equal(updates[1]?.threadId, `${SOC};messageid=1002`);
    assert.equal(f.messenger.callsOf('post').length, 2);
  });

  it('should post the card again in the current SOC channel after the SOC channel moved', async () => {
    const f = await withPostedCard();
    const moved = '19:new-soc@thread.tacv2';
    await f.store.repos.conversations.upsert(channelRecord(moved));
    f.socChannel = moved;
    await f.enqueue('updateCard', 'g1');
    f.messenger.failNext(messageGone());
    await f.worker.runOnce();

    assert.equal(f.messenger.callsOf('update')[0]?.conversationId, SOC);
    assert.equal(f.messenger.callsOf('post')[1]?.conversationId, moved);
    assert.equal((await f.store.repos.cards.get('g1'))?.threadId, `${moved};messageid=1002`);
  });

  it('should retry the update (and so the new post) when the new post is throttled', async () => {
    const f = await withPostedCard();
    await f.enqueue('updateCard', 'g1');
    f.messenger.failNext(messageGone(), new VigilError(TEAMS_ERROR_CODES.throttled, 'slow down'));
    await f.worker.runOnce();
    assert.equal((await f.store.repos.cards.get('g1'))?.activityId, '1001');
    assert.equal(await f.store.repos.outbox.depth(), 1);

    f.messenger.failNext(messageGone());
    await f.runUntil(() => f.messenger.callsOf('post').length === 3, 1000);
    // The fake numbers only the posts Teams accepted: the throttled one got no id.
    assert.equal((await f.store.repos.cards.get('g1'))?.threadId, `${SOC};messageid=1002`);
    assert.equal(await f.store.repos.outbox.depth(), 0);
  });

  for (const [name, error] of [
    ['the bot was removed from the team (403 BotNotInConversationRoster)', botRemoved],
    ['the conversation is gone (ConversationNotFound)', conversationGone],
  ] as const) {
    it(`should still fail for good, posting nothing, when ${name}`, async () => {
      const f = await withPostedCard();
      const before = await f.store.repos.cards.get('g1');
      await f.enqueue('updateCard', 'g1');
      f.messenger.failNext(error());
      await f.worker.runOnce();
      f.time.advance(10 * 60_000);
      await f.worker.runOnce();

      assert.equal(f.messenger.callsOf('post').length, 1);
      assert.equal(f.messenger.callsOf('update').length, 1);
      assert.deepEqual(await f.store.repos.cards.get('g1'), before);
      assert.equal(await f.store.repos.outbox.depth(), 0);
      assert.equal(f.metrics.events.at(-1), 'teamsSend:update:failed');
    });
  }
});
