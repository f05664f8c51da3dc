import type { BackoffSettings } from './retry-delay';
import { TEAMS_BACKOFF } from './retry-delay';
import type { TeamsSendLimits } from './teams-rate-gate';
import { TEAMS_SEND_LIMITS } from './teams-rate-gate';

/** The outbox worker's tuning; every field has a default (`OUTBOX_DEFAULTS`). */
export interface OutboxWorkerOptions {
  /** Items claimed per run. */
  readonly batchSize: number;
  /** How long a claimed item is held; a worker that died gives its items up after this. */
  readonly leaseMs: number;
  /** The pause between runs that found nothing to do (a `kick()` ends it at once). */
  readonly idleMs: number;
  /**
   * Claims of an item (the store's `attempts`) after which a throttled or transient failure fails it
   * (kept for operators). Claims spent waiting for the card or the rate gate count too; waiting for the
   * SOC channel does not (nothing is claimed then).
   */
  readonly maxAttempts: number;
  /** The longest wait for the rate gate inside a run; a longer one puts the item back in the queue. */
  readonly maxInlineWaitMs: number;
  /** When an item that cannot go yet (its card not posted yet) is first looked at again; it then doubles. */
  readonly waitingRetryMs: number;
  /** How long an update or reply waits for its card to be posted before it is failed. */
  readonly cardWaitLimitMs: number;
  readonly limits: TeamsSendLimits;
  readonly backoff: BackoffSettings;
  /** The Defender portal's base address for alert links (the domain's default when absent). */
  readonly portalUrl?: string;
}

/** Batches of 10 under a 2-minute lease, a run every 500 ms when idle, 8 attempts. */
export const OUTBOX_DEFAULTS: OutboxWorkerOptions = Object.freeze({
  batchSize: 10,
  leaseMs: 120_000,
  idleMs: 500,
  maxAttempts: 8,
  maxInlineWaitMs: 5000,
  waitingRetryMs: 2000,
  cardWaitLimitMs: 60 * 60_000,
  limits: TEAMS_SEND_LIMITS,
  backoff: TEAMS_BACKOFF,
});
