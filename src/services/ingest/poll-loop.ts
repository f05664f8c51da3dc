/** Runs a poll now and then again and again, never two at once. */
export interface PollLoop {
  start(): void;
  /** No further poll starts; resolves once the running one (if any) has settled. */
  stop(): Promise<void>;
}

export interface PollLoopOptions {
  /** Time from the start of one poll to the start of the next (longer polls are followed at once). */
  readonly intervalMs: number;
  /** One poll; it must not reject (it logs its own failures). */
  readonly run: () => Promise<void>;
  /** Milliseconds, to measure how long a poll took. */
  readonly now: () => number;
}

/**
 * A self-rescheduling timer: the next poll is scheduled only when the previous one has finished, so
 * polls never overlap however slow Defender is. The timer does not keep the process alive.
 */
export function createPollLoop(options: PollLoopOptions): PollLoop {
  let active = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  const schedule = (delayMs: number) => {
    timer = setTimeout(tick, Math.max(0, delayMs));
    timer.unref?.();
  };
  async function tick(): Promise<void> {
    timer = undefined;
    const startedAt = options.now();
    running = options.run();
    await running;
    running = undefined;
    if (active) schedule(options.intervalMs - (options.now() - startedAt));
  }
  return {
    start() {
      if (active) return;
      active = true;
      if (running === undefined) schedule(0);
    },
    async stop() {
      active = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
