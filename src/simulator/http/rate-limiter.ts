import type { RateFamily } from './sim-router';

/** One limit: at most `limit` calls in any window of `windowMs` (before time scaling). */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** MDE's published limits per route family (defender-api.md §1); MCAS's is not published (~30/min). */
export const RATE_LIMITS: Readonly<Record<Exclude<RateFamily, 'none'>, readonly RateWindow[]>> = {
  mde: [
    { limit: 100, windowMs: MINUTE },
    { limit: 1500, windowMs: HOUR },
  ],
  'mde-batch': [
    { limit: 10, windowMs: MINUTE },
    { limit: 500, windowMs: HOUR },
  ],
  hunting: [
    { limit: 45, windowMs: MINUTE },
    { limit: 1500, windowMs: HOUR },
  ],
  mcas: [{ limit: 30, windowMs: MINUTE }],
};

export interface RateDecision {
  readonly allowed: boolean;
  /** When refused: whole seconds until a call would be allowed (at least 1). */
  readonly retryAfterS: number;
  /** When refused: which limit was hit, e.g. `100 calls per 60 seconds`. */
  readonly limitHit?: string;
}

/**
 * Sliding-window limiter per route family. `timeScale` shrinks the windows so tests need not wait real
 * minutes: with 0.01 a minute lasts 600 ms. A refused call is not counted against the budget.
 */
export class RateLimiter {
  private readonly calls = new Map<RateFamily, number[]>();

  check(family: RateFamily, nowMs: number, timeScale: number): RateDecision {
    if (family === 'none') return { allowed: true, retryAfterS: 0 };
    const windows = RATE_LIMITS[family];
    const longest = Math.max(...windows.map((w) => w.windowMs * timeScale));
    const log = (this.calls.get(family) ?? []).filter((t) => t > nowMs - longest);
    for (const window of windows) {
      const span = window.windowMs * timeScale;
      const inWindow = log.filter((t) => t > nowMs - span);
      if (inWindow.length >= window.limit) {
        const oldest = inWindow[inWindow.length - window.limit] ?? nowMs;
        const waitMs = oldest + span - nowMs;
        this.calls.set(family, log);
        return {
          allowed: false,
          retryAfterS: Math.max(1, Math.ceil(waitMs / 1000)),
          limitHit: `${window.limit} calls per ${Math.round(window.windowMs / 1000)} seconds`,
        };
      }
    }
    log.push(nowMs);
    this.calls.set(family, log);
    return { allowed: true, retryAfterS: 0 };
  }

  clear(): void {
    this.calls.clear();
  }
}
