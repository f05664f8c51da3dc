import { openSqliteStore } from '../../../../src/adapters/store/sqlite-store';
import type { Alert } from '../../../../src/domain/alerts/alert';
import {
  type AlertIngestor,
  type AlertIngestorDeps,
  createAlertIngestor,
} from '../../../../src/services/ingest/alert-ingestor';
import type { Metrics } from '../../../../src/services/ports/metrics.port';
import type { OutboxItem, Store } from '../../../../src/services/ports/store.port';
import { type LogLine, recordingLogger } from '../../../helpers/recording-logger';

/** 2026-03-02T09:00:00.000Z plus `seconds`, as ISO-8601. */
export const at = (seconds: number): string =>
  new Date(Date.UTC(2026, 2, 2, 9, 0, 0) + seconds * 1000).toISOString();

/** An MDE alert for ingest tests; any field can be overridden. */
export function testAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'da638000000000000000_1000000001',
    source: 'mde',
    title: 'Suspicious PowerShell command line',
    description: 'A PowerShell process ran an encoded command.',
    severity: 'medium',
    status: 'new',
    category: 'Execution',
    detectionSource: 'WindowsDefenderAtp',
    createdAt: at(0),
    updatedAt: at(0),
    machine: { id: '1111111111111111111111111111111111111111', name: 'ws-001.contoso.com' },
    mitreTechniques: ['T1059.001'],
    evidence: [{ entityType: 'Process', fileName: 'powershell.exe' }],
    comments: [],
    ...overrides,
  };
}

/** A clock tests move by hand. */
export class TestClock {
  constructor(public ms: number) {}
  now = (): number => this.ms;
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Every metric call, recorded. */
export class RecordingMetrics implements Metrics {
  readonly ingested: string[] = [];
  readonly lags: { source: string; seconds: number }[] = [];
  alertIngested(source: 'mde' | 'mcas', outcome: string): void {
    this.ingested.push(`${source}:${outcome}`);
  }
  cardPosted(): void {}
  teamsSend(): void {}
  outboxDepth(): void {}
  defenderCall(): void {}
  pollLag(source: 'mde' | 'mcas', seconds: number): void {
    this.lags.push({ source, seconds });
  }
}

export type { LogLine };
export { recordingLogger };

/** A fresh SQLite store in memory, the real implementation of the port. */
export function openTestStore(): Promise<Store> {
  return openSqliteStore(':memory:', { clock: () => at(0) });
}

/** Takes (and completes) every item queued since the last take, oldest first. */
export async function takeOutbox(store: Store): Promise<OutboxItem[]> {
  const items = await store.repos.outbox.claim(
    '2100-01-01T00:00:00.000Z',
    1_000_000,
    '2100-01-02T00:00:00.000Z',
  );
  for (const item of items) await store.repos.outbox.complete(item.id);
  return items;
}

/** The kinds of outbox items, e.g. `['postCard', 'updateCard']`. */
export const kinds = (items: readonly OutboxItem[]) => items.map((item) => item.kind);

/** Settings most ingest tests use: storms of 5 within 10 minutes, every severity and open status. */
export const DEFAULT_INGEST_SETTINGS = {
  storms: { windowMs: 600_000, threshold: 5 },
  filters: { minSeverity: 'informational', statuses: ['new', 'inProgress'] },
} as const satisfies Pick<AlertIngestorDeps, 'storms' | 'filters'>;

/** An ingestor over `store` with test doubles for the rest. */
export function testIngestor(
  store: Store,
  overrides: Partial<AlertIngestorDeps> = {},
): AlertIngestor & { metrics: RecordingMetrics; clock: TestClock } {
  const metrics = new RecordingMetrics();
  const clock = new TestClock(Date.parse(at(60)));
  const ingestor = createAlertIngestor({
    store,
    clock,
    metrics,
    logger: recordingLogger(),
    ...DEFAULT_INGEST_SETTINGS,
    ...overrides,
  });
  return { ingest: ingestor.ingest, metrics, clock };
}
