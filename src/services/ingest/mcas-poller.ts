import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { McasPort } from '../ports/mcas.port';
import type { Metrics } from '../ports/metrics.port';
import type { Store } from '../ports/store.port';
import type { AlertIngestor } from './alert-ingestor';
import type { IngestPollSettings, PollTuning } from './ingest-poll-settings';
import { createSourcePoller, type Poller } from './source-poller';

/** What `createMcasPoller` needs. */
export interface McasPollerDeps extends PollTuning {
  readonly mcas: Pick<McasPort, 'listAlerts'>;
  readonly store: Store;
  readonly ingestor: AlertIngestor;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
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
