import type { Alert } from '../../domain/alerts/alert';
import { type AlertFilters, passesFilters } from '../../domain/alerts/diff-alert';
import type { FoldSettings } from '../../domain/storms/decide-fold';
import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { Metrics } from '../ports/metrics.port';
import type { Store, StoreTx } from '../ports/store.port';
import { compareAlertVersions } from './compare-alert-versions';
import { placeAlertOnCard } from './place-alert-on-card';
import { queueAlertChange } from './queue-alert-change';

/**
 * What one ingest did: `new` (stored, a new card queued), `folded` (stored, counted on an open storm
 * card), `changed` (a new version of an alert with a card: card update queued, maybe a reply),
 * `unchanged` (this version, or a newer one, was already handled), `filtered` (stored, but below the
 * filters: no card until a later version passes them).
 */
export type IngestOutcome = 'new' | 'folded' | 'changed' | 'unchanged' | 'filtered';

/** Turns alerts from any source into stored alerts and queued card work. */
export interface AlertIngestor {
  ingest(alert: Alert): Promise<IngestOutcome>;
}

/** What `createAlertIngestor` needs. */
export interface AlertIngestorDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Storm folding (`config.storms` in milliseconds: `{ windowMs: windowS * 1000, threshold }`). */
  readonly storms: FoldSettings;
  /** Which alerts get a card (`config.ingest.minSeverity` and `.statuses`). */
  readonly filters: AlertFilters;
  /** Called after a transaction that queued outbox work has committed (wakes the outbox worker). */
  readonly onQueued?: () => void;
  /**
   * Called after a first sighting of an alert that got a card (its own or a storm's) has committed: the
   * automatic rules run on it. Not awaited: a slow rule never holds up ingestion.
   */
  readonly onNewAlert?: (alert: Alert) => Promise<void>;
}

interface TxResult {
  readonly outcome: IngestOutcome;
  readonly groupId?: string;
  readonly queued: boolean;
  readonly reply?: readonly string[];
}

const UNCHANGED: TxResult = { outcome: 'unchanged', queued: false };

/** The whole ingest of one alert, inside one transaction. */
async function ingestInTx(
  tx: StoreTx,
  alert: Alert,
  now: string,
  deps: AlertIngestorDeps,
): Promise<TxResult> {
  const stored = await tx.alerts.get(alert.id);
  const order = stored === undefined ? 'changed' : compareAlertVersions(stored.alert, alert);
  if (order === 'older') return UNCHANGED;
  if (order === 'changed') await tx.alerts.save(alert, now);
  if (stored?.groupId) {
    if (order === 'same') return UNCHANGED;
    const reply = await queueAlertChange(tx, stored.groupId, stored.alert, alert, now);
    return { outcome: 'changed', groupId: stored.groupId, queued: true, reply };
  }
  // No card yet: a first sighting, or an alert stored earlier below the filters.
  if (!passesFilters(alert, deps.filters))
    return order === 'same' ? UNCHANGED : { ...UNCHANGED, outcome: 'filtered' };
  const placed = await placeAlertOnCard(tx, alert, now, deps.storms);
  return { ...placed, queued: true };
}

function report(deps: AlertIngestorDeps, alert: Alert, result: TxResult, log: Logger): void {
  deps.metrics.alertIngested(alert.source, result.outcome);
  const fields = { outcome: result.outcome, groupId: result.groupId, status: alert.status };
  if (result.outcome === 'unchanged' || result.outcome === 'filtered') log.debug(fields, 'alert ingested');
  else log.info({ ...fields, changes: result.reply?.length ?? 0 }, 'alert ingested');
  if (!result.queued || deps.onQueued === undefined) return;
  try {
    deps.onQueued();
  } catch (error) {
    log.warn(
      { error: String(error) },
      'onQueued failed; the outbox worker will find the work on its next pass',
    );
  }
}

/**
 * The alert ingestor. Each `ingest` runs in ONE store transaction: the alert is saved, and its card work
 * (post, storm fold, update, reply) is queued in the outbox, or nothing is. Ingesting a version already
 * handled changes nothing and queues nothing, so re-polls, pushes of the same alert, restarts and
 * crashes never produce a second card. An older version than the stored one is ignored.
 */
export function createAlertIngestor(deps: AlertIngestorDeps): AlertIngestor {
  return {
    async ingest(alert: Alert): Promise<IngestOutcome> {
      const log = deps.logger.child({ alertId: alert.id, source: alert.source });
      const now = new Date(deps.clock.now()).toISOString();
      const result = await deps.store.transaction((tx) => ingestInTx(tx, alert, now, deps));
      report(deps, alert, result, log);
      if ((result.outcome === 'new' || result.outcome === 'folded') && deps.onNewAlert) {
        deps
          .onNewAlert(alert)
          .catch((error: unknown) =>
            log.error({ error: String(error) }, 'The automatic rules failed on this alert'),
          );
      }
      return result.outcome;
    },
  };
}
