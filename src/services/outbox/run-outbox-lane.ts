import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { Metrics } from '../ports/metrics.port';
import type { OutboxItem } from '../ports/store.port';
import { describeError } from './describe-error';
import type { TeamsOperation } from './item-outcome';
import type { Bookkeeping, ItemPlan } from './plan-outbox-item';
import type { OutboxSettler } from './settle-outbox-item';
import type { TeamsRateGate } from './teams-rate-gate';

/** What a lane needs: how to plan an item, the gate, and how to settle. */
export interface LaneDeps {
  readonly plan: (item: OutboxItem) => Promise<ItemPlan>;
  readonly gate: TeamsRateGate;
  readonly settler: OutboxSettler;
  readonly clock: Clock;
  readonly sleep: (ms: number) => Promise<void>;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly maxInlineWaitMs: number;
}

const OPERATIONS: Readonly<Record<OutboxItem['kind'], TeamsOperation>> = {
  postCard: 'post',
  updateCard: 'update',
  reply: 'reply',
};

/**
 * Waits until the gate lets a send to `conversation` go and counts it; gives up (returning the wait
 * still needed) when the gate asks for more than `maxInlineWaitMs`.
 */
async function passGate(conversation: string, deps: LaneDeps): Promise<number> {
  for (;;) {
    const now = deps.clock.now();
    const delay = deps.gate.delayMs(conversation, now);
    if (delay === 0) {
      deps.gate.record(conversation, now);
      return 0;
    }
    if (delay > deps.maxInlineWaitMs) return delay;
    await deps.sleep(delay);
  }
}

async function processItem(item: OutboxItem, deps: LaneDeps, log: Logger): Promise<void> {
  let plan: ItemPlan;
  try {
    plan = await deps.plan(item);
  } catch (error) {
    const send = { operation: OPERATIONS[item.kind] ?? 'post', conversation: '' };
    return deps.settler.settleFailure(item, send, error, log);
  }
  if (plan.kind === 'settled') return deps.settler.settle(item, plan.outcome, log);
  const { ready } = plan;
  const heldMs = await passGate(ready.conversation, deps);
  if (heldMs > 0) {
    return deps.settler.settle(item, { status: 'later', delayMs: heldMs, reason: 'Teams rate limit' }, log);
  }
  let bookkeeping: Bookkeeping;
  try {
    bookkeeping = await ready.send();
  } catch (error) {
    return deps.settler.settleFailure(item, ready, error, log);
  }
  deps.metrics.teamsSend(ready.operation, 'ok');
  if (ready.operation === 'post') deps.metrics.cardPosted();
  await bookkeeping(log);
  await deps.settler.settle(item, { status: 'done', note: `${ready.operation} sent` }, log);
}

/**
 * Sends the items of one conversation, oldest first, one after another, each only when the rate gate
 * allows. A failure to settle an item (the store failing) is logged; the item then comes back after
 * its lease.
 */
export async function runOutboxLane(items: readonly OutboxItem[], deps: LaneDeps): Promise<void> {
  for (const item of items) {
    const log = deps.logger.child({ outboxId: item.id, outboxKind: item.kind, groupId: item.groupId });
    try {
      await processItem(item, deps, log);
    } catch (error) {
      log.error({ error: describeError(error) }, 'Outbox item not settled; it comes back after its lease');
    }
  }
}
