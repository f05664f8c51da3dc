import type { RetryMode } from './defender-route';

/**
 * Why an attempt failed, as far as repeating it goes:
 * - `rate-limited`: 429, refused before any work was done;
 * - `refused`: the connection was never opened (refused, DNS failure): the request never left;
 * - `server-error`: a 5xx other than 501 (possibly after Defender acted);
 * - `timeout`, `reset`: no complete answer (possibly after Defender acted);
 * - `final`: anything repeating cannot fix (4xx, 501, a bad body).
 */
export type FailureKind = 'rate-limited' | 'refused' | 'server-error' | 'timeout' | 'reset' | 'final';

export interface RetryPolicyOptions {
  /** Repeats allowed after the first attempt. */
  readonly maxRetries: number;
  /** The first backoff ceiling; doubles each attempt. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** The largest backoff ceiling. Default 30 s. */
  readonly maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the caller hears it at once. Default 60 s. */
  readonly maxRetryAfterMs?: number;
  /** A number in [0, 1); injectable for tests. */
  readonly random?: () => number;
}

export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

const CERTAIN_NOT_ACTED: ReadonlySet<FailureKind> = new Set(['rate-limited', 'refused']);

/**
 * Decides whether and when to repeat a failed Defender call: full-jitter exponential backoff
 * (a random wait in [0, min(cap, base·2^n))), never sooner than a `Retry-After` asks, and for a 429
 * without `Retry-After` at least the base delay on top of the jitter.
 */
export class RetryPolicy {
  readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly random: () => number;

  constructor(options: RetryPolicyOptions) {
    this.maxRetries = Math.max(0, Math.floor(options.maxRetries));
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  /** Whether a failure of this kind may be repeated for a call of this mode at all. */
  static isRepeatable(kind: FailureKind, mode: RetryMode): boolean {
    if (kind === 'final') return false;
    return mode === 'safe' || CERTAIN_NOT_ACTED.has(kind);
  }

  /**
   * @param retriesDone repeats already made (0 after the first attempt failed)
   * @param retryAfterMs what the server's `Retry-After` asked for, if anything
   */
  decide(retriesDone: number, kind: FailureKind, mode: RetryMode, retryAfterMs?: number): RetryDecision {
    if (retriesDone >= this.maxRetries || !RetryPolicy.isRepeatable(kind, mode)) return { retry: false };
    if (retryAfterMs !== undefined) {
      if (retryAfterMs > this.maxRetryAfterMs) return { retry: false };
      // At least what the server asked, plus a little spread so waiting callers do not return together.
      return { retry: true, delayMs: retryAfterMs + Math.floor(this.random() * this.baseDelayMs) };
    }
    // A 429 without Retry-After still waits at least the base delay: Defender said "too many" now.
    const floor = kind === 'rate-limited' ? this.baseDelayMs : 0;
    return { retry: true, delayMs: floor + this.backoffMs(retriesDone) };
  }

  /** The full-jitter backoff of the n-th repeat (0-based): uniform in [0, min(cap, base·2^n)). */
  backoffMs(retriesDone: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** retriesDone);
    return Math.floor(this.random() * ceiling);
  }
}
