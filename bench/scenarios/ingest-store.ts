import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/adapters/store/sqlite-store';
import {
  type AlertIngestor,
  createAlertIngestor,
  type IngestOutcome,
} from '../../src/services/ingest/alert-ingestor';
import type { Clock } from '../../src/services/ports/clock.port';
import { silentLogger } from '../../src/services/ports/logger.port';
import { noMetrics } from '../../src/services/ports/metrics.port';
import type { Store } from '../../src/services/ports/store.port';
import { BENCH_FILTERS, BENCH_STORMS } from './bench-alerts';

/** A real SQLite file store in a fresh temp folder, its ingestor, and a way to remove both. */
export interface IngestRig {
  readonly store: Store;
  readonly ingestor: AlertIngestor;
  close(): Promise<void>;
}

export async function openIngestRig(clock: Clock): Promise<IngestRig> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-bench-'));
  try {
    const store = await openSqliteStore(join(dir, 'vigil.db'));
    const ingestor = createAlertIngestor({
      store,
      clock,
      logger: silentLogger,
      metrics: noMetrics,
      storms: BENCH_STORMS,
      filters: BENCH_FILTERS,
    });
    return {
      store,
      ingestor,
      async close() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Counts each outcome. */
export function tally(outcomes: readonly IngestOutcome[]): Record<IngestOutcome, number> {
  const counts: Record<IngestOutcome, number> = { new: 0, folded: 0, changed: 0, unchanged: 0, filtered: 0 };
  for (const outcome of outcomes) counts[outcome] += 1;
  return counts;
}

/** Takes every queued outbox item (completing them) and counts them by kind. */
export async function drainOutbox(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const items = await store.repos.outbox.claim(
    '2100-01-01T00:00:00.000Z',
    1_000_000,
    '2100-01-02T00:00:00.000Z',
  );
  for (const item of items) {
    counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    await store.repos.outbox.complete(item.id);
  }
  return counts;
}
