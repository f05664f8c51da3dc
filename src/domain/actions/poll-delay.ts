/** How often a pending Defender action is checked: soon at first, then less and less often. */
export interface PollSchedule {
  readonly firstMs: number;
  readonly factor: number;
  readonly capMs: number;
}

/** 2 s, 3 s, 4.5 s … up to a check a minute. */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = { firstMs: 2000, factor: 1.5, capMs: 60_000 };

/** The wait before the `checks`-th check (0 for the first) of a pending action. */
export function pollDelayMs(checks: number, schedule: PollSchedule = DEFAULT_POLL_SCHEDULE): number {
  // A count that is not a number (a bad stored value) is taken as the first check, never as NaN.
  const n = Number.isNaN(checks) ? 0 : Math.max(0, Math.min(Math.floor(checks), 60));
  return Math.min(schedule.capMs, Math.round(schedule.firstMs * schedule.factor ** n));
}
