/** A sliding-window limit: at most `count` sends in any `windowMs`. */
export interface RateWindow {
  readonly count: number;
  readonly windowMs: number;
}

/** The limits the outbox keeps to (teams-platform.md §4). */
export interface TeamsSendLimits {
  /** Per conversation (a channel with all its threads, a group chat, a 1:1 chat). */
  readonly perConversation: RateWindow;
  /** For the whole app, every conversation together. */
  readonly app: RateWindow;
}

/**
 * Vigil's Teams budget: one message per second per conversation and seven per second for the app. Teams
 * allows 7/s, 8/2 s, 60/30 s and 1,800/h per conversation (a channel counts as one conversation, its
 * threads included) and about 30/s per app per tenant; Microsoft asks bots to avoid bursts, so Vigil
 * stays well under those and lets 429s (honoured by the outbox) cover the rest.
 */
export const TEAMS_SEND_LIMITS: TeamsSendLimits = Object.freeze({
  perConversation: Object.freeze({ count: 1, windowMs: 1000 }),
  app: Object.freeze({ count: 7, windowMs: 1000 }),
});

/** Decides when the next send to a conversation may go. Reads no clock: callers pass the time. */
export interface TeamsRateGate {
  /** Milliseconds to wait before a send to `conversation` keeps within every limit (0: go now). */
  delayMs(conversation: string, nowMs: number): number;
  /** Counts a send to `conversation` made at `nowMs`. */
  record(conversation: string, nowMs: number): void;
  /** Holds every send to `conversation` until `untilMs` (Teams throttled it). */
  holdUntil(conversation: string, untilMs: number): void;
}

/** Sends made in the window, oldest first, trimmed to what can still matter. */
class SendLog {
  private readonly times: number[] = [];

  constructor(private readonly window: RateWindow) {}

  /** When the next send may go: once the oldest of the last `count` sends has left the window. */
  nextAllowedAt(nowMs: number): number {
    this.forget(nowMs);
    if (this.times.length < this.window.count) return nowMs;
    const oldest = this.times[this.times.length - this.window.count] ?? nowMs;
    return oldest + this.window.windowMs;
  }

  add(nowMs: number): void {
    this.times.push(nowMs);
    this.forget(nowMs);
  }

  get empty(): boolean {
    return this.times.length === 0;
  }

  private forget(nowMs: number): void {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= nowMs - this.window.windowMs) this.times.shift();
  }
}

/**
 * A sliding-window rate gate for Teams sends: per conversation and for the whole app, plus holds set
 * after a 429. One gate serves one process; replicas each keep their own (each stays within the limits,
 * and Teams' 429s, which the outbox honours, catch what several replicas together exceed).
 */
export function createTeamsRateGate(limits: TeamsSendLimits = TEAMS_SEND_LIMITS): TeamsRateGate {
  const app = new SendLog(limits.app);
  const conversations = new Map<string, SendLog>();
  const holds = new Map<string, number>();
  const logOf = (conversation: string): SendLog => {
    let log = conversations.get(conversation);
    if (!log) {
      log = new SendLog(limits.perConversation);
      conversations.set(conversation, log);
    }
    return log;
  };
  return {
    delayMs(conversation, nowMs) {
      const held = holds.get(conversation) ?? nowMs;
      if (held <= nowMs) holds.delete(conversation);
      const at = Math.max(held, logOf(conversation).nextAllowedAt(nowMs), app.nextAllowedAt(nowMs));
      return Math.max(0, at - nowMs);
    },
    record(conversation, nowMs) {
      logOf(conversation).add(nowMs);
      app.add(nowMs);
      for (const [key, log] of conversations)
        if (key !== conversation && log.empty) conversations.delete(key);
    },
    holdUntil(conversation, untilMs) {
      holds.set(conversation, Math.max(untilMs, holds.get(conversation) ?? 0));
    },
  };
}

/** The conversation Teams counts a send against: a thread's channel (`<channel>;messageid=<id>` → `<channel>`). */
export function conversationOf(conversationOrThreadId: string): string {
  const cut = conversationOrThreadId.indexOf(';messageid=');
  return cut === -1 ? conversationOrThreadId : conversationOrThreadId.slice(0, cut);
}
