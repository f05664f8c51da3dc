/** How the outbox backs off after a throttled or transient Teams failure. */
export interface BackoffSettings {
  /** The first ceiling of the random wait; it doubles with every retry. */
  readonly baseMs: number;
  /** The largest ceiling. */
  readonly capMs: number;
}

/** Base 1 s, cap 30 s (teams-platform.md §4). */
export const TEAMS_BACKOFF: BackoffSettings = Object.freeze({ baseMs: 1000, capMs: 30_000 });

/**
 * The wait before retry number `retriesDone + 1`: "full jitter", a random wait in
 * [0, min(cap, base·2^retriesDone)), but never shorter than what Teams asked for in `Retry-After`.
 * `random` returns a number in [0, 1).
 */
export function retryDelayMs(
  retriesDone: number,
  retryAfterS: number | undefined,
  random: () => number,
  settings: BackoffSettings = TEAMS_BACKOFF,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(retriesDone)), 30);
  const ceiling = Math.min(settings.capMs, settings.baseMs * 2 ** exponent);
  const jitter = Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
  const asked =
    retryAfterS !== undefined && Number.isFinite(retryAfterS) ? Math.max(0, retryAfterS) * 1000 : 0;
  return Math.max(jitter, Math.ceil(asked));
}
