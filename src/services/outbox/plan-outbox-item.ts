import type { Logger } from '../ports/logger.port';
import type { CardRecord, OutboxItem, StoreTx } from '../ports/store.port';
import type { TeamsMessenger } from '../ports/teams.port';
import { isCardMessageMissing } from './card-message-missing';
import type { GroupCard, GroupCardBuilder } from './group-card-builder';
import type { ItemOutcome, TeamsOperation } from './item-outcome';
import type { OutboxWorkerOptions } from './outbox-worker-options';
import { toReplyMessage } from './reply-payload';

/** What is left to store once Teams accepted a send (e.g. where a new card went), logging to the item's log. */
export type Bookkeeping = (log: Logger) => Promise<void>;

/** A send that may go once the rate gate allows: to `conversation`, doing `send()`. */
export interface ReadySend {
  readonly operation: TeamsOperation;
  /** The conversation Teams counts the send against (the rate gate's key). */
  readonly conversation: string;
  /** Draws what is needed at this moment and sends it; resolves, once Teams accepted, with what to store. */
  send(): Promise<Bookkeeping>;
}

const nothingToStore: Bookkeeping = async () => undefined;

/** An item either settles without Teams or is ready to send. */
export type ItemPlan =
  | { readonly kind: 'settled'; readonly outcome: ItemOutcome }
  | { readonly kind: 'send'; readonly ready: ReadySend };

/** What planning reads and who sends. */
export interface PlanContext {
  readonly repos: StoreTx;
  readonly messenger: TeamsMessenger;
  readonly cards: GroupCardBuilder;
  readonly socChannelId: string;
  readonly nowMs: number;
  readonly options: OutboxWorkerOptions;
  /** Groups whose card update this run already handles: later updates of the same card coalesce. */
  readonly updatedGroups: Set<string>;
}

const settled = (outcome: ItemOutcome): ItemPlan => ({ kind: 'settled', outcome });
const ready = (
  operation: TeamsOperation,
  conversation: string,
  send: () => Promise<Bookkeeping>,
): ItemPlan => ({
  kind: 'send',
  ready: { operation, conversation, send },
});

/**
 * Posts the group's card as a new thread in the SOC channel, then remembers where it went.
 *
 * Exactly one card per group: a post whose card is already saved completes without sending (this covers a
 * crash between saving the card and completing the item). What remains is a window Teams gives no way to
 * close, having no idempotency key: a crash after Teams accepted the post and before `cards.save` (a few
 * milliseconds), or a post whose answer was lost (a timeout or reset after Teams acted, which the outbox
 * retries as transient), posts the card a second time. The second thread then becomes the group's card.
 */
async function planPost(item: OutboxItem, ctx: PlanContext): Promise<ItemPlan> {
  if (await ctx.repos.cards.get(item.groupId)) return settled({ status: 'done', note: 'already posted' });
  const channel = await ctx.repos.conversations.get(ctx.socChannelId);
  if (channel === undefined) {
    const reason = `The SOC channel ${ctx.socChannelId} has not been seen yet (install Vigil in its team)`;
    return settled({ status: 'later', delayMs: ctx.options.waitingRetryMs, reason });
  }
  return ready('post', channel.id, async () => {
    const drawn = await ctx.cards.build(item.groupId);
    const posted = await ctx.messenger.postThread(channel, drawn.message);
    // postedAt is when the posted content was drawn: updates queued before it are already shown.
    return () =>
      ctx.repos.cards.save({
        groupId: item.groupId,
        channelId: channel.id,
        threadId: posted.threadId,
        activityId: posted.activityId,
        postedAt: drawn.drawnAt,
      });
  });
}

/**
 * An update or reply whose card is not posted yet waits for it, looking again less and less often (each
 * look is a claim, and claims count as attempts), up to `cardWaitLimitMs`.
 */
function waitForCard(item: OutboxItem, ctx: PlanContext): ItemPlan {
  const age = ctx.nowMs - Date.parse(item.createdAt);
  if (age > ctx.options.cardWaitLimitMs) {
    return settled({ status: 'failed', reason: 'The card of this group was never posted' });
  }
  const delayMs = Math.min(
    ctx.options.waitingRetryMs * 2 ** Math.min(item.attempts, 10),
    ctx.options.backoff.capMs,
  );
  return settled({ status: 'later', delayMs, reason: 'Waiting for the card' });
}

/**
 * The card's root message is gone (deleted in Teams, or a new Teams client after a demo restart): posts the
 * freshly drawn card as a new thread in the current SOC channel, and returns the bookkeeping that makes it
 * the group's card (`cards.save` replaces the old record), so later updates and replies go to it. Rethrows
 * `missing` when the SOC channel is not known. No second `postCard` item: the outbox allows one per group.
 */
async function repostCard(
  ctx: PlanContext,
  old: CardRecord,
  drawn: GroupCard,
  missing: unknown,
): Promise<Bookkeeping> {
  const soc = await ctx.repos.conversations.get(ctx.socChannelId);
  if (soc === undefined) throw missing;
  const posted = await ctx.messenger.postThread(soc, drawn.message);
  return async (log) => {
    await ctx.repos.cards.save({
      groupId: old.groupId,
      channelId: soc.id,
      threadId: posted.threadId,
      activityId: posted.activityId,
      postedAt: drawn.drawnAt,
    });
    log.warn(
      { oldThreadId: old.threadId, threadId: posted.threadId, channelId: soc.id },
      'card thread missing: re-posted',
    );
  };
}

/**
 * Replaces the card for everyone, drawn from the state stored now; redundant updates complete at once.
 * When Teams says the card's message is gone (`isCardMessageMissing`), the card is posted again instead.
 */
async function planUpdate(item: OutboxItem, ctx: PlanContext): Promise<ItemPlan> {
  const card = await ctx.repos.cards.get(item.groupId);
  if (card === undefined) return waitForCard(item, ctx);
  if (Date.parse(item.createdAt) < Date.parse(card.postedAt)) {
    return settled({ status: 'done', note: 'already shown by the posted card' });
  }
  if (ctx.updatedGroups.has(item.groupId)) {
    return settled({ status: 'done', note: 'coalesced with another update of this card' });
  }
  ctx.updatedGroups.add(item.groupId);
  const channel = await ctx.repos.conversations.get(card.channelId);
  if (channel === undefined) {
    return settled({ status: 'failed', reason: `The conversation ${card.channelId} is not known` });
  }
  return ready('update', channel.id, async () => {
    const drawn = await ctx.cards.build(item.groupId);
    try {
      await ctx.messenger.updateMessage(channel, card.threadId, card.activityId, drawn.message);
    } catch (error) {
      if (!isCardMessageMissing(error)) throw error;
      return repostCard(ctx, card, drawn, error);
    }
    return nothingToStore;
  });
}

/** Posts the item's text (or card) in the group's thread. */
async function planReply(item: OutboxItem, ctx: PlanContext): Promise<ItemPlan> {
  const message = toReplyMessage(item.payload);
  if (message === undefined) {
    return settled({ status: 'failed', reason: 'The reply has neither a text nor a card' });
  }
  const card = await ctx.repos.cards.get(item.groupId);
  if (card === undefined) return waitForCard(item, ctx);
  const channel = await ctx.repos.conversations.get(card.channelId);
  if (channel === undefined) {
    return settled({ status: 'failed', reason: `The conversation ${card.channelId} is not known` });
  }
  return ready('reply', channel.id, async () => {
    await ctx.messenger.reply(channel, card.threadId, message);
    return nothingToStore;
  });
}

/** Decides what to do with a claimed item, reading the store as it is now. */
export function planOutboxItem(item: OutboxItem, ctx: PlanContext): Promise<ItemPlan> {
  switch (item.kind) {
    case 'postCard':
      return planPost(item, ctx);
    case 'updateCard':
      return planUpdate(item, ctx);
    case 'reply':
      return planReply(item, ctx);
    default:
      return Promise.resolve(
        settled({ status: 'failed', reason: `Unknown outbox kind ${String(item.kind)}` }),
      );
  }
}
