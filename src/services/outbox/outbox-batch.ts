import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { Metrics } from '../ports/metrics.port';
import type { OutboxItem, StoreTx } from '../ports/store.port';
import type { TeamsMessenger } from '../ports/teams.port';
import type { GroupCardBuilder } from './group-card-builder';
import type { OutboxWorkerOptions } from './outbox-worker-options';
import { planOutboxItem } from './plan-outbox-item';
import { runOutboxLane } from './run-outbox-lane';
import type { OutboxSettler } from './settle-outbox-item';
import { conversationOf, type TeamsRateGate } from './teams-rate-gate';

/** The parts one outbox run works with. */
export interface OutboxBatchParts {
  readonly repos: StoreTx;
  readonly messenger: TeamsMessenger;
  readonly cards: GroupCardBuilder;
  readonly gate: TeamsRateGate;
  readonly settler: OutboxSettler;
  readonly socChannel: () => Promise<string | undefined>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly sleep: (ms: number) => Promise<void>;
  readonly options: OutboxWorkerOptions;
}

/** Splits a batch by the conversation each item goes to, keeping each conversation's items in order. */
async function lanesOf(items: readonly OutboxItem[], socChannelId: string, repos: StoreTx) {
  const lanes = new Map<string, OutboxItem[]>();
  for (const item of items) {
    const card = item.kind === 'postCard' ? undefined : await repos.cards.get(item.groupId);
    const key = conversationOf(card?.channelId ?? socChannelId);
    lanes.set(key, [...(lanes.get(key) ?? []), item]);
  }
  return [...lanes.values()];
}

/** Sends claimed items: each conversation's in order, different conversations side by side. */
async function sendBatch(items: readonly OutboxItem[], socChannelId: string, parts: OutboxBatchParts) {
  const updatedGroups = new Set<string>();
  const { repos, messenger, cards, options, clock } = parts;
  const lane = {
    ...parts,
    maxInlineWaitMs: options.maxInlineWaitMs,
    plan: (item: OutboxItem) =>
      planOutboxItem(item, {
        repos,
        messenger,
        cards,
        socChannelId,
        nowMs: clock.now(),
        options,
        updatedGroups,
      }),
  };
  const lanes = await lanesOf(items, socChannelId, repos);
  await Promise.all(lanes.map((laneItems) => runOutboxLane(laneItems, lane)));
}

/** The SOC channel, when one is chosen and Vigil has a reference to post there; else why not. */
async function socChannelReady(parts: OutboxBatchParts): Promise<{ id?: string; waiting?: string }> {
  const id = await parts.socChannel();
  if (id === undefined) return { waiting: 'No SOC channel chosen yet' };
  if ((await parts.repos.conversations.get(id)) === undefined) {
    return { waiting: `Vigil has not been installed in the team of the SOC channel ${id} yet` };
  }
  return { id };
}

/**
 * One outbox run: claims the items due now under a lease and sends them, then reports the depth. While
 * no SOC channel is chosen, or Vigil has no reference for it yet, nothing is claimed: the items wait
 * untouched (their attempts are not used up), however long it takes.
 */
export function createOutboxBatch(parts: OutboxBatchParts): () => Promise<number> {
  const iso = (ms: number) => new Date(ms).toISOString();
  let lastWaiting: string | undefined;
  return async () => {
    const { repos, options } = parts;
    const soc = await socChannelReady(parts);
    if (soc.waiting !== undefined && soc.waiting !== lastWaiting) {
      parts.logger.info({}, `${soc.waiting}: Teams messages wait in the outbox`);
    }
    lastWaiting = soc.waiting;
    let claimed = 0;
    if (soc.id !== undefined) {
      const now = parts.clock.now();
      const items = await repos.outbox.claim(iso(now), options.batchSize, iso(now + options.leaseMs));
      if (items.length > 0) await sendBatch(items, soc.id, parts);
      claimed = items.length;
    }
    parts.metrics.outboxDepth(await repos.outbox.depth());
    return claimed;
  };
}
