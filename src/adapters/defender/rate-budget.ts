import { DEFENDER_RATE_LIMITS, type RateFamily, type RateWindow } from './rate-family';

/** The clock a budget reads and the timers it sets; injectable so tests can move time by hand. */
export interface BudgetClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: BudgetClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface RateBudgetOptions {
  /** Multiplies every window (1 = real time). */
  readonly timeScale?: number;
  readonly limits?: Readonly<Record<RateFamily, readonly RateWindow[]>>;
  readonly clock?: BudgetClock;
  /** The share of each limit kept in reserve. Default 0.05 (95 of 100 per minute). */
  readonly reserve?: number;
}

/** A granted call. `release()` when its answer (or failure) arrives. */
export interface RateSlot {
  release(): void;
}

interface Window {
  readonly limit: number;
  readonly spanMs: number;
}

/** One granted call: when it ended, Infinity while it is still under way. */
interface Call {
  end: number;
}

interface Family {
  readonly windows: readonly Window[];
  calls: Call[];
  readonly queue: Array<(slot: RateSlot) => void>;
  timer: unknown;
  blockedUntil: number;
}

/**
 * Keeps Vigil under Defender's rate limits before Defender has to say 429. Each family has sliding
 * windows; a caller waits (asynchronously, first come first served) for a free slot.
 *
 * A call counts from the moment it is granted, and in the windows it counts at the time its answer
 * arrived: Defender received it somewhere in between, so Vigil's count is never below Defender's, however
 * late a request travels. A reserve (5%) and a 1% longer window absorb timer and clock imprecision.
 */
export class RateBudget {
  private readonly families = new Map<RateFamily, Family>();
  private readonly clock: BudgetClock;

  constructor(options: RateBudgetOptions = {}) {
    this.clock = options.clock ?? systemClock;
    const scale = options.timeScale ?? 1;
    const reserve = options.reserve ?? 0.05;
    const limits = options.limits ?? DEFENDER_RATE_LIMITS;
    for (const [family, windows] of Object.entries(limits) as Array<[RateFamily, readonly RateWindow[]]>) {
      this.families.set(family, {
        windows: windows.map((w) => ({
          limit: Math.max(1, w.limit - Math.ceil(w.limit * reserve)),
          spanMs: Math.ceil(w.windowMs * scale * 1.01),
        })),
        calls: [],
        queue: [],
        timer: undefined,
        blockedUntil: 0,
      });
    }
  }

  /** Waits for a slot in the family's windows; resolves in request order. */
  acquire(family: RateFamily): Promise<RateSlot> {
    const state = this.family(family);
    return new Promise((resolve) => {
      state.queue.push(resolve);
      this.pump(state);
    });
  }

  /** Grants nothing in this family until `untilMs` (after Defender answered 429 with Retry-After). */
  holdUntil(family: RateFamily, untilMs: number): void {
    const state = this.family(family);
    state.blockedUntil = Math.max(state.blockedUntil, untilMs);
  }

  /** How many callers are waiting in a family. */
  waiting(family: RateFamily): number {
    return this.family(family).queue.length;
  }

  /** Stops every timer (waiting callers stay waiting); for shutting down. */
  dispose(): void {
    for (const state of this.families.values()) {
      if (state.timer !== undefined) this.clock.clearTimeout(state.timer);
      state.timer = undefined;
    }
  }

  private family(family: RateFamily): Family {
    const state = this.families.get(family);
    if (!state) throw new RangeError(`No rate limits for family ${family}`);
    return state;
  }

  private pump(state: Family): void {
    if (state.timer !== undefined) return;
    while (state.queue.length > 0) {
      const waitMs = this.waitMs(state, this.clock.now());
      // Infinite: the windows are full of calls still under way; the next release() pumps again.
      if (waitMs === Number.POSITIVE_INFINITY) return;
      if (waitMs > 0) {
        state.timer = this.clock.setTimeout(() => {
          state.timer = undefined;
          this.pump(state);
        }, waitMs);
        return;
      }
      const grant = state.queue.shift();
      grant?.(this.grant(state));
    }
  }

  private grant(state: Family): RateSlot {
    const call: Call = { end: Number.POSITIVE_INFINITY };
    state.calls.push(call);
    return {
      release: () => {
        if (call.end !== Number.POSITIVE_INFINITY) return;
        call.end = this.clock.now();
        this.pump(state);
      },
    };
  }

  /** 0 when a call may go now, else how long until one may. Also forgets calls out of every window. */
  private waitMs(state: Family, now: number): number {
    const longest = Math.max(...state.windows.map((w) => w.spanMs));
    state.calls = state.calls.filter((call) => call.end > now - longest);
    let wait = state.blockedUntil - now;
    for (const window of state.windows) {
      const ends = state.calls.map((call) => call.end).filter((end) => end > now - window.spanMs);
      if (ends.length < window.limit) continue;
      ends.sort((a, b) => a - b);
      // The call whose leaving brings the window under its limit.
      const freesAt = (ends[ends.length - window.limit] ?? now) + window.spanMs;
      wait = Math.max(wait, freesAt - now + 1);
    }
    return Math.max(0, wait);
  }
}
