import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { VigilError } from '../../../src/domain/errors/vigil-error';
import { TEAMS_ERROR_CODES } from '../../../src/services/ports/teams.port';
import { channelRecord, type OutboxFixture, outboxFixture, SOC, T0 } from './outbox-test-kit';

const throttled = (retryAfterS?: number) =>
  new VigilError(TEAMS_ERROR_CODES.throttled, 'slow down', {
    details: retryAfterS === undefined ? {} : { retryAfterS },
  });
const transient = () => new VigilError(TEAMS_ERROR_CODES.transient, 'try again');
const notInConversation = () => new VigilError(TEAMS_ERROR_CODES.notInConversation, 'gone');

/** A fixture whose group `g1` already has its card posted in the SOC channel. */
async function withPostedCard(): Promise<OutboxFixture> {
  const f = await outboxFixture();
  await f.seedGroup('g1');
  await f.enqueue('postCard', 'g1');
  await f.worker.runOnce();
  f.time.advance(5000);
  return f;
}

describe('createOutboxWorker', () => {
  describe('posting a card', () => {
    it('should post the group card as a new thread in the SOC channel and remember where it went', async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      assert.equal(await f.worker.runOnce(), 1);
      const [post] = f.messenger.calls;
      assert.equal(f.messenger.calls.length, 1);
      assert.equal(post?.operation, 'post');
      assert.equal(post?.conversationId, SOC);
      assert.equal(post?.message.kind, 'card');
      const card = await f.store.repos.cards.get('g1');
      assert.deepEqual(
        { channelId: card?.channelId, threadId: card?.threadId, activityId: card?.activityId },
        { channelId: SOC, threadId: `${SOC};messageid=1001`, activityId: '1001' },
      );
      assert.equal(await f.store.repos.outbox.depth(), 0);
      assert.deepEqual(f.metrics.events, ['teamsSend:post:ok', 'cardPosted']);
      assert.deepEqual(f.metrics.depths.at(-1), 0);
    });

    it("should draw the card at send time with the machine's details from Defender", async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1', { title: 'First title' });
      await f.enqueue('postCard', 'g1');
      const stored = await f.store.repos.alerts.get('alert-of-g1');
      await f.store.repos.alerts.save({ ...stored!.alert, title: 'Title at send time' }, f.time.iso());
      await f.worker.runOnce();
      const json = JSON.stringify(f.messenger.calls[0]?.message);
      assert.match(json, /Title at send time/);
      assert.match(json, /tier0-finance/);
      assert.deepEqual(f.machines.lookups, ['machine-1']);
    });

    it('should still post the card, without machine details, when Defender cannot say', async () => {
      const f = await outboxFixture({
        machines: {
          getMachine: async () => {
            throw new Error('Defender is down');
          },
        },
      });
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      await f.worker.runOnce();
      assert.equal(f.messenger.callsOf('post').length, 1);
      assert.doesNotMatch(JSON.stringify(f.messenger.calls[0]?.message), /tier0-finance/);
    });

    it('should ask Defender once for a machine several cards show', async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1');
      await f.seedGroup('g2');
      await f.enqueue('postCard', 'g1');
      await f.enqueue('postCard', 'g2');
      await f.runUntil(() => f.messenger.calls.length === 2);
      assert.deepEqual(f.machines.lookups, ['machine-1']);
    });

    it('should show a storm as one card with its counter', async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1');
      await f.store.repos.alerts.save(
        { ...(await f.store.repos.alerts.get('alert-of-g1'))!.alert, id: 'da-2' },
        f.time.iso(),
      );
      await f.store.repos.folds.add('g1', 'da-2', 'pc-finance-02', f.time.iso());
      await f.enqueue('postCard', 'g1');
      await f.worker.runOnce();
      assert.match(JSON.stringify(f.messenger.calls[0]?.message), /×2 similar alerts/);
    });

    it('should complete a post whose card is already saved without posting again', async () => {
      const f = await withPostedCard();
      await f.seedGroup('g2');
      await f.store.repos.outbox.enqueue({ kind: 'postCard', groupId: 'g2', at: f.time.iso() });
      await f.store.repos.cards.save({
        groupId: 'g2',
        channelId: SOC,
        threadId: `${SOC};messageid=77`,
        activityId: '77',
        postedAt: f.time.iso(),
      });
      await f.worker.runOnce();
      assert.equal(f.messenger.callsOf('post').length, 1);
      assert.equal(await f.store.repos.outbox.depth(), 0);
    });
  });

  describe('updating a card', () => {
    it('should update the card in place, in its thread', async () => {
      const f = await withPostedCard();
      await f.enqueue('updateCard', 'g1');
      await f.worker.runOnce();
      const [update] = f.messenger.callsOf('update');
      assert.equal(update?.threadId, `${SOC};messageid=1001`);
      assert.equal(update?.activityId, '1001');
      assert.equal(update?.message.kind, 'card');
    });

    it('should update a card in its own channel after the SOC channel moved', async () => {
      const f = await withPostedCard();
      await f.store.repos.conversations.upsert(channelRecord('19:new-soc@thread.tacv2'));
      f.socChannel = '19:new-soc@thread.tacv2';
      await f.enqueue('updateCard', 'g1');
      await f.worker.runOnce();
      assert.equal(f.messenger.callsOf('update')[0]?.conversationId, SOC);
    });

    it('should coalesce updates of the same card into one update call', async () => {
      const f = await withPostedCard();
      await f.enqueue('updateCard', 'g1');
      await f.enqueue('updateCard', 'g1');
      // A worker that died after claiming an update leaves a row the store no longer coalesces into.
      await f.store.repos.outbox.claim(f.time.iso(), 10, f.time.iso());
      await f.enqueue('updateCard', 'g1');
      f.time.advance(1);
      await f.worker.runOnce();
      assert.equal(f.messenger.callsOf('update').length, 1);
      assert.equal(await f.store.repos.outbox.depth(), 0);
    });

    it('should not send an update the posted card already shows', async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      await f.enqueue('updateCard', 'g1');
      f.time.advance(10);
      await f.worker.runOnce();
      assert.deepEqual(
        f.messenger.calls.map((c) => c.operation),
        ['post'],
      );
      assert.equal(await f.store.repos.outbox.depth(), 0);
    });

    it('should keep an update waiting while its card is not posted, then send it', async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      f.messenger.failNext(transient());
      await f.worker.runOnce();
      f.time.advance(10);
      await f.enqueue('updateCard', 'g1');
      await f.worker.runOnce();
      assert.equal(f.messenger.callsOf('update').length, 0);
      await f.runUntil(() => f.messenger.callsOf('post').length === 2);
      f.time.advance(100);
      await f.enqueue('updateCard', 'g1');
      await f.runUntil(() => f.messenger.callsOf('update').length === 1);
      f.time.advance(5000);
      await f.worker.runOnce();
      assert.equal(f.messenger.callsOf('update').length, 1, 'the first update was shown by the post');
      assert.equal(await f.store.repos.outbox.depth(), 0);
    });

    it('should fail an update whose card was never posted after an hour', async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1');
      await f.enqueue('updateCard', 'g1');
      await f.worker.runOnce();
      assert.equal(await f.store.repos.outbox.depth(), 1);
      f.time.advance(61 * 60_000);
      await f.worker.runOnce();
      assert.equal(await f.store.repos.outbox.depth(), 0);
      assert.equal(f.messenger.calls.length, 0);
    });
  });

  describe('replying in a thread', () => {
    it("should post the reply's text in the card's thread", async () => {
      const f = await withPostedCard();
      await f.enqueue('reply', 'g1', { text: 'Status: New → Resolved', alertId: 'alert-of-g1' });
      await f.worker.runOnce();
      const [reply] = f.messenger.callsOf('reply');
      assert.equal(reply?.threadId, `${SOC};messageid=1001`);
      assert.deepEqual(reply?.message, { kind: 'text', text: 'Status: New → Resolved' });
    });

    it('should fail a reply with nothing to say', async () => {
      const f = await withPostedCard();
      await f.enqueue('reply', 'g1', { alertId: 'alert-of-g1' });
      await f.worker.runOnce();
      assert.equal(f.messenger.callsOf('reply').length, 0);
      assert.equal(await f.store.repos.outbox.depth(), 0);
    });
  });

  describe('when Teams fails', () => {
    it('should wait at least Retry-After when throttled, then succeed', async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      f.messenger.failNext(throttled(2));
      await f.worker.runOnce();
      await f.runUntil(() => f.messenger.calls.length === 2, 50);
      const [first, second] = f.messenger.calls;
      assert.ok(second!.at - first!.at >= 2000, `retried after ${second!.at - first!.at} ms`);
      assert.ok(await f.store.repos.cards.get('g1'));
      assert.deepEqual(f.metrics.events, ['teamsSend:post:throttled', 'teamsSend:post:ok', 'cardPosted']);
    });

    it('should hold the throttled conversation, so what queues behind waits too', async () => {
      const f = await withPostedCard();
      await f.enqueue('reply', 'g1', { text: 'one' });
      await f.enqueue('reply', 'g1', { text: 'two' });
      f.messenger.failNext(throttled(10));
      await f.worker.runOnce();
      assert.equal(f.messenger.callsOf('reply').length, 1);
      await f.runUntil(() => f.messenger.callsOf('reply').length === 3, 250);
      const [first, ...rest] = f.messenger.callsOf('reply');
      for (const later of rest) assert.ok(later.at - first!.at >= 10_000);
    });

    it('should retry a transient failure with growing, jittered backoff', async () => {
      const f = await outboxFixture({ random: () => 0.99 });
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      f.messenger.failNext(transient(), transient());
      await f.runUntil(() => f.messenger.calls.length === 3, 50);
      const [a, b, c] = f.messenger.calls.map((call) => call.at);
      // random() is 0.99: 99% of 1 s, then 99% of 2 s.
      assert.ok(b! - a! >= 990 && b! - a! < 1500, `first wait ${b! - a!} ms`);
      assert.ok(c! - b! >= 1980 && c! - b! < 2500, `second wait ${c! - b!} ms`);
      assert.deepEqual(f.metrics.events, [
        'teamsSend:post:retry',
        'teamsSend:post:retry',
        'teamsSend:post:ok',
        'cardPosted',
      ]);
    });

    it('should give up after the last attempt and keep the item for operators', async () => {
      const f = await outboxFixture({ options: { maxAttempts: 3 } });
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      f.messenger.failNext(transient(), transient(), transient(), transient());
      await f.runUntil(() => f.messenger.calls.length === 3, 100);
      f.time.advance(120_000);
      await f.worker.runOnce();
      assert.equal(f.messenger.calls.length, 3);
      assert.equal(await f.store.repos.outbox.depth(), 0);
      assert.equal(f.metrics.events.at(-1), 'teamsSend:post:failed');
    });

    it('should fail at once when the bot is not in the conversation', async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      f.messenger.failNext(notInConversation());
      await f.worker.runOnce();
      f.time.advance(10 * 60_000);
      await f.worker.runOnce();
      assert.equal(f.messenger.calls.length, 1);
      assert.equal(await f.store.repos.outbox.depth(), 0);
      assert.equal(await f.store.repos.cards.get('g1'), undefined);
      assert.deepEqual(f.metrics.events, ['teamsSend:post:failed']);
    });

    it('should fail at once when the message is too large', async () => {
      const f = await withPostedCard();
      await f.enqueue('updateCard', 'g1');
      f.messenger.failNext(new VigilError(TEAMS_ERROR_CODES.tooLarge, 'too big'));
      await f.worker.runOnce();
      assert.equal(await f.store.repos.outbox.depth(), 0);
      assert.equal(f.metrics.events.at(-1), 'teamsSend:update:failed');
    });
  });

  describe('without a SOC channel', () => {
    it('should leave the items waiting, then post once the channel is chosen', async () => {
      const f = await outboxFixture();
      f.socChannel = undefined;
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      assert.equal(await f.worker.runOnce(), 0);
      f.time.advance(3_600_000);
      assert.equal(await f.worker.runOnce(), 0);
      assert.equal(f.messenger.calls.length, 0);
      assert.equal(f.metrics.depths.at(-1), 1);
      f.socChannel = SOC;
      await f.worker.runOnce();
      assert.equal(f.messenger.callsOf('post').length, 1);
    });

    it('should wait until Vigil has heard from the chosen channel', async () => {
      const f = await outboxFixture();
      f.socChannel = '19:elsewhere@thread.tacv2';
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      await f.worker.runOnce();
      assert.equal(f.messenger.calls.length, 0);
      await f.store.repos.conversations.upsert(channelRecord('19:elsewhere@thread.tacv2'));
      await f.runUntil(() => f.messenger.calls.length === 1, 500);
      assert.equal(f.messenger.calls[0]?.conversationId, '19:elsewhere@thread.tacv2');
    });

    it('should not use up the attempts of items while they wait for the channel', async () => {
      const f = await outboxFixture({ options: { maxAttempts: 3 } });
      f.socChannel = '19:elsewhere@thread.tacv2';
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      for (let minute = 0; minute < 60; minute += 1) {
        await f.worker.runOnce();
        f.time.advance(60_000);
      }
      await f.store.repos.conversations.upsert(channelRecord('19:elsewhere@thread.tacv2'));
      f.messenger.failNext(transient(), transient());
      await f.runUntil(() => f.messenger.calls.length === 3, 500);
      assert.ok(await f.store.repos.cards.get('g1'));
    });
  });

  describe('rate limits', () => {
    it('should space 20 messages to one thread at least 1 s apart', async () => {
      const f = await withPostedCard();
      for (let n = 1; n <= 20; n += 1) await f.enqueue('reply', 'g1', { text: `note ${n}` });
      await f.runUntil(() => f.messenger.callsOf('reply').length === 20, 100);
      const times = f.messenger.callsOf('reply').map((call) => call.at);
      for (let i = 1; i < times.length; i += 1) {
        assert.ok(
          times[i]! - times[i - 1]! >= 1000,
          `messages ${i} and ${i + 1}: ${times[i]! - times[i - 1]!} ms`,
        );
      }
      assert.deepEqual(
        f.messenger.callsOf('reply').map((call) => (call.message.kind === 'text' ? call.message.text : '')),
        Array.from({ length: 20 }, (_, i) => `note ${i + 1}`),
      );
    });

    it('should space new cards in the SOC channel at least 1 s apart', async () => {
      const f = await outboxFixture();
      for (let n = 1; n <= 5; n += 1) {
        await f.seedGroup(`g${n}`);
        await f.enqueue('postCard', `g${n}`);
      }
      await f.runUntil(() => f.messenger.calls.length === 5);
      const times = f.messenger.calls.map((call) => call.at);
      for (let i = 1; i < times.length; i += 1) assert.ok(times[i]! - times[i - 1]! >= 1000);
    });
  });

  describe('after a restart', () => {
    it('should send an item a dead worker had claimed once, after its lease', async () => {
      const f = await outboxFixture();
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      await f.store.repos.outbox.claim(f.time.iso(), 10, new Date(T0 + 120_000).toISOString());
      const restarted = f.newWorker();
      assert.equal(await restarted.runOnce(), 0);
      f.time.advance(119_000);
      assert.equal(await restarted.runOnce(), 0);
      f.time.advance(1000);
      assert.equal(await restarted.runOnce(), 1);
      f.time.advance(600_000);
      await restarted.runOnce();
      assert.equal(f.messenger.callsOf('post').length, 1);
    });
  });

  describe('after a restart of the process', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'vigil-outbox-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('should resume from the store file and send each item once', async () => {
      const file = join(dir, 'vigil.db');
      const first = await outboxFixture({}, await openSqliteStore(file));
      await first.seedGroup('g1');
      await first.seedGroup('g2');
      await first.enqueue('postCard', 'g1');
      await first.enqueue('postCard', 'g2');
      await first.store.repos.outbox.claim(first.time.iso(), 1, new Date(T0 + 120_000).toISOString());
      await first.store.close();
      const second = await outboxFixture({}, await openSqliteStore(file));
      await second.runUntil(() => second.messenger.calls.length === 2, 1000);
      second.time.advance(600_000);
      await second.worker.runOnce();
      assert.equal(second.messenger.callsOf('post').length, 2);
      assert.equal(await second.store.repos.cards.count(), 2);
      await second.store.close();
    });
  });

  describe('the background loop', () => {
    it('should send at once when kicked, and stop cleanly', async () => {
      const f = await outboxFixture({ options: { idleMs: 60_000 } });
      f.worker.start();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      const kickedAt = Date.now();
      f.worker.kick();
      while (f.messenger.calls.length === 0 && Date.now() - kickedAt < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      assert.equal(f.messenger.calls.length, 1);
      assert.ok(Date.now() - kickedAt < 1000);
      await f.worker.stop();
    });

    it('should run again every idle period without a kick', async () => {
      const f = await outboxFixture({ options: { idleMs: 20 } });
      f.worker.start();
      await f.seedGroup('g1');
      await f.enqueue('postCard', 'g1');
      const started = Date.now();
      while (f.messenger.calls.length === 0 && Date.now() - started < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await f.worker.stop();
      assert.equal(f.messenger.calls.length, 1);
    });
  });
});
