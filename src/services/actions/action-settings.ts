import { DEFAULT_POLL_SCHEDULE, type PollSchedule } from '../../domain/actions/poll-delay';
import type { ProtectionPolicy } from '../../domain/actions/protection';

/** How response actions are approved, sent and followed. */
export interface ActionSettings {
  /** Machines whose isolation needs a second responder's approval. */
  readonly protection: ProtectionPolicy;
  /** How long an approval request stays open. */
  readonly approvalTtlMs: number;
  /** How long a worker holds an action it is sending or checking before another may take it. */
  readonly leaseMs: number;
  /** How often a pending Defender action is checked. */
  readonly poll: PollSchedule;
  /** Tries to send an action while Defender is throttled or unavailable, before it fails. */
  readonly maxSendAttempts: number;
  /** The wait before trying again after such a failure (doubled each time, at most `poll.capMs`). */
  readonly retryBaseMs: number;
  /** How many due actions one run of the worker takes. */
  readonly batchSize: number;
  /** How many of them it moves at the same time. */
  readonly concurrency: number;
  /** How long the worker sleeps when nothing is due (a request wakes it at once). */
  readonly idleMs: number;
  /**
   * How long a click waits for Defender to say what a machine's tags are (Teams wants the click answered
   * within seconds); past it the machine counts as protected.
   */
  readonly lookupTimeoutMs: number;
  /** How long a Defender machine action is followed before Vigil gives up on it (ends it as timed out). */
  readonly followLimitMs: number;
}

export const ACTION_DEFAULTS: ActionSettings = {
  protection: { tags: ['tier0'], namePatterns: [] },
  approvalTtlMs: 60 * 60_000,
  leaseMs: 60_000,
  poll: DEFAULT_POLL_SCHEDULE,
  maxSendAttempts: 6,
  retryBaseMs: 5000,
  batchSize: 8,
  concurrency: 4,
  idleMs: 1000,
  lookupTimeoutMs: 2500,
  followLimitMs: 72 * 3_600_000,
};
