import type { McasPort } from '../ports/mcas.port';
import type { IngestPollSettings, PollTuning } from './ingest-poll-settings';
import { createSourcePoller, type Poller, type SourcePollerDeps } from './source-poller';

/** What `createMcasPoller` needs. */
export interface McasPollerDeps extends PollTuning, SourcePollerDeps {
  readonly mcas: Pick<McasPort, 'listAlerts'>;
  /** `config.ingest`. */
  readonly config: IngestPollSettings;
}

/** The checkpoint the MCAS poller keeps in the store. */
export const MCAS_CHECKPOINT = 'mcas';

/**
 * Polls Defender for Cloud Apps every `mcasPollIntervalS` (0: `start()` does nothing), the fallback for
 * when its alerts are not pushed to the webhook. MCAS filters alerts on the time they were raised, not
 * updated, so the checkpoint (`mcas`) follows creation times: new alerts are never missed, while a later
 * change to an older alert reaches its card only through a push (or within the settle window).
 */
export function createMcasPoller(deps: McasPollerDeps): Poller {
  return createSourcePoller(
    {
      source: 'mcas',
      checkpointName: MCAS_CHECKPOINT,
      intervalMs: deps.config.mcasPollIntervalS * 1000,
      firstFetchMs: deps.config.firstFetchHours * 3_600_000,
      maxAlerts: deps.maxAlerts ?? 1_000,
      settleMs: (deps.settleS ?? 60) * 1000,
      fetch: (since, maxAlerts) => deps.mcas.listAlerts({ since, maxAlerts }),
      cursorOf: (alert) => alert.createdAt,
    },
    deps,
  );
}
