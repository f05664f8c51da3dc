/** The rate budgets Defender keeps apart: most MDE routes, alert batch updates, hunting, and MCAS. */
export type RateFamily = 'mde' | 'mde-batch' | 'hunting' | 'mcas';

/** At most `limit` calls in any window of `windowMs` milliseconds (real time, before scaling). */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * Defender's published limits per family (defender-api.md §1). MCAS publishes none; about 30 per minute
 * is what tenants observe, so Vigil keeps under that.
 */
export const DEFENDER_RATE_LIMITS: Readonly<Record<RateFamily, readonly RateWindow[]>> = {
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
