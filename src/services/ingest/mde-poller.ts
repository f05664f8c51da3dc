import type { MdePort } from '../ports/defender.port';
import type { IngestPollSettings, PollTuning } from './ingest-poll-settings';
import { createSourcePoller, type Poller, type SourcePollerDeps } from './source-poller';

/** What `createMdePoller` needs. */
export interface MdePollerDeps extends PollTuning, SourcePollerDeps {
  readonly mde: Pick<MdePort, 'listAlerts'>;
  /** `config.ingest`. */
  readonly config: IngestPollSettings;
}

/** The checkpoint the MDE poller keeps in the store. */
export const MDE_CHECKPOINT = 'mde';

/**
 * Polls Defender for Endpoint every `pollIntervalS` for alerts updated at or after its checkpoint (`mde`:
 * a `lastUpdateTime` watermark plus the ids seen at that instant), with evidence, and ingests each new
 * version. The very first poll looks back `firstFetchHours`. Every alert is read whatever its severity or
 * status: the ingestor applies the filters, so a card still follows an alert that leaves them.
 */
export function createMdePoller(deps: MdePollerDeps): Poller {
  return createSourcePoller(
    {
      source: 'mde',
      checkpointName: MDE_CHECKPOINT,
      intervalMs: deps.config.pollIntervalS * 1000,
      firstFetchMs: deps.config.firstFetchHours * 3_600_000,
      maxAlerts: deps.maxAlerts ?? 10_000,
      settleMs: (deps.settleS ?? 60) * 1000,
      fetch: (since, maxAlerts) =>
        deps.mde.listAlerts({ updatedSince: since, includeEvidence: true, maxAlerts }),
      cursorOf: (alert) => alert.updatedAt,
    },
    deps,
  );
}
