import type { ReadinessCheck } from '../adapters/http/readiness';
import type { Clock } from '../services/ports/clock.port';
import type { Store } from '../services/ports/store.port';
import type { SocChannel } from '../services/teams/soc-channel';

/** Remembers when the MDE poll last got an answer from Defender. */
export interface PollTracker {
  /** Epoch ms of the last successful fetch, if any. */
  lastSuccessAt(): number | undefined;
  succeeded(): void;
}

/** A `PollTracker` on `clock`. */
export function createPollTracker(clock: Clock): PollTracker {
  let last: number | undefined;
  return {
    lastSuccessAt: () => last,
    succeeded: () => {
      last = clock.now();
    },
  };
}

export interface ReadinessDeps {
  readonly store: Store;
  readonly socChannel: SocChannel;
  readonly mdePolls: PollTracker;
  readonly clock: Clock;
  /** Seconds between two MDE polls: a poll older than three of them (at least a minute) is stale. */
  readonly pollIntervalS: number;
}

/**
 * What `GET /readyz` checks: the store answers, a SOC channel is known (where cards go), and the last
 * MDE poll got an answer from Defender recently.
 */
export function readinessChecks(deps: ReadinessDeps): ReadinessCheck[] {
  const staleAfterMs = Math.max(3 * deps.pollIntervalS * 1000, 60_000);
  return [
    {
      name: 'store',
      check: async () => {
        await deps.store.repos.settings.get('readiness-probe');
        return { ok: true, detail: 'answers' };
      },
    },
    {
      name: 'socChannel',
      check: async () => {
        const id = await deps.socChannel.get();
        return id
          ? { ok: true, detail: id }
          : { ok: false, detail: 'not chosen yet: install Vigil in a team, or type `channel here` in one' };
      },
    },
    {
      name: 'mdePoll',
      check: () => {
        const last = deps.mdePolls.lastSuccessAt();
        if (last === undefined) return { ok: false, detail: 'no successful poll yet' };
        const ageS = Math.round((deps.clock.now() - last) / 1000);
        return { ok: deps.clock.now() - last <= staleAfterMs, detail: `last succeeded ${ageS} s ago` };
      },
    },
  ];
}
