import { describeError } from '../outbox/describe-error';
import type { Logger } from '../ports/logger.port';

/** A background loop of a worker (the outbox, the action worker). */
export interface WorkLoop {
  start(): void;
  stop(): Promise<void>;
  kick(): void;
}

/**
 * Runs `runOnce` over and over: again at once after a run that claimed something (or was kicked while
 * it ran), else after `idleMs` or as soon as `kick()` is called. A failed run is logged and the loop
 * waits `idleMs` before the next. `stop()` ends the idle wait and waits for the run in progress.
 */
export function createWorkLoop(
  runOnce: () => Promise<number>,
  idleMs: number,
  logger: Logger,
  what = 'Outbox',
): WorkLoop {
  let running = false;
  let kicked = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const idle = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, idleMs);
      wake = done;
    });
  const cycle = async () => {
    while (running) {
      kicked = false;
      let claimed = 0;
      try {
        claimed = await runOnce();
      } catch (error) {
        logger.error({ error: describeError(error) }, `${what} run failed; trying again shortly`);
      }
      if (running && claimed === 0 && !kicked) await idle();
    }
  };
  return {
    start() {
      if (running) return;
      running = true;
      loop = cycle();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = undefined;
    },
    kick() {
      kicked = true;
      wake?.();
    },
  };
}
