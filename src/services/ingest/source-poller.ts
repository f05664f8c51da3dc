import type { Alert, AlertSource } from '../../domain/alerts/alert';
import { isVigilError } from '../../domain/errors/vigil-error';
import {
  type Checkpoint,
  firstFetchWatermark,
  isUnseen,
  type Versioned,
} from '../../domain/ingest/checkpoint';
import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { Metrics } from '../ports/metrics.port';
import type { Store } from '../ports/store.port';
import type { AlertIngestor } from './alert-ingestor';
import { CheckpointProgress } from './checkpoint-progress';
import { createPollLoop } from './poll-loop';

/** What one poll did: alerts the source returned, and how many of them were handed to the ingestor. */
export interface PollResult {
  readonly fetched: number;
  readonly ingested: number;
}

/** A source poller. */
export interface Poller {
  /** One poll now (joins the running one if a poll is under way). Rejects when the poll fails. */
  pollOnce(): Promise<PollResult>;
  /** Polls now and then every interval; a failed poll is logged and retried at the next interval. */
  start(): void;
  /** Stops polling; resolves once a running poll has settled. */
  stop(): Promise<void>;
}

/** One alert source as a poller sees it. */
export interface AlertSourceSpec {
  readonly source: AlertSource;
  readonly checkpointName: string;
  /** 0 or less: `start()` does nothing. */
  readonly intervalMs: number;
  readonly firstFetchMs: number;
  readonly maxAlerts: number;
  readonly settleMs: number;
  /** Alerts whose cursor is at or after `since`, at most `maxAlerts`, in any order. */
  readonly fetch: (since: string, maxAlerts: number) => Promise<Alert[]>;
  /** The time the source filters on (`since`): the update time for MDE, the creation time for MCAS. */
  readonly cursorOf: (alert: Alert) => string;
}

export interface SourcePollerDeps {
  readonly store: Store;
  readonly ingestor: AlertIngestor;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** How many handled alerts between two checkpoint saves within one poll. */
const SAVE_EVERY = 200;
/** The in-memory memo of recent versions is only a shortcut; past this size it is dropped. */
const MAX_RECENT = 200_000;

interface PollerState {
  cap: number;
  /** Versions this process ingested above the saved watermark: `id` → `updatedAt` and cursor. */
  readonly recent: Map<string, { version: string; cursorMs: number }>;
}

interface PollContext {
  readonly spec: AlertSourceSpec;
  readonly deps: SourcePollerDeps;
  readonly state: PollerState;
  readonly log: Logger;
}

function sortByCursor(spec: AlertSourceSpec, alerts: readonly Alert[]): { alert: Alert; item: Versioned }[] {
  return alerts
    .map((alert) => ({ alert, item: { id: alert.id, updatedAt: spec.cursorOf(alert) }, ms: 0 }))
    .map((entry) => ({ ...entry, ms: Date.parse(entry.item.updatedAt) }))
    .sort((a, b) => a.ms - b.ms || (a.alert.id < b.alert.id ? -1 : a.alert.id > b.alert.id ? 1 : 0));
}

async function saveCheckpoint(ctx: PollContext, progress: CheckpointProgress): Promise<void> {
  if (!progress.dirty) return;
  await ctx.deps.store.repos.checkpoints.set(ctx.spec.checkpointName, progress.checkpoint);
  progress.saved();
}

/** Ingests the alerts the checkpoint has not seen, oldest first, moving the checkpoint as it goes. */
async function ingestInOrder(
  ctx: PollContext,
  alerts: readonly Alert[],
  start: Checkpoint,
  progress: CheckpointProgress,
): Promise<number> {
  let ingested = 0;
  let sinceSave = 0;
  for (const { alert, item } of sortByCursor(ctx.spec, alerts)) {
    if (isUnseen(start, item) && ctx.state.recent.get(alert.id)?.version !== alert.updatedAt) {
      await ctx.deps.ingestor.ingest(alert);
      ingested += 1;
      ctx.state.recent.set(alert.id, { version: alert.updatedAt, cursorMs: Date.parse(item.updatedAt) });
    }
    progress.handled(item);
    sinceSave += 1;
    if (sinceSave >= SAVE_EVERY) {
      await saveCheckpoint(ctx, progress);
      sinceSave = 0;
    }
  }
  return ingested;
}

function forgetSettled(state: PollerState, checkpoint: Checkpoint): void {
  const watermarkMs = Date.parse(checkpoint.watermark ?? '');
  if (state.recent.size > MAX_RECENT) state.recent.clear();
  for (const [id, seen] of state.recent) if (seen.cursorMs < watermarkMs) state.recent.delete(id);
}

/** Seconds behind: since the newest update read (0 when caught up), or since the checkpoint when cut short. */
function lagSeconds(nowMs: number, alerts: readonly Alert[], start: Checkpoint, complete: boolean): number {
  if (!complete) return Math.max(0, (nowMs - Date.parse(start.watermark ?? '')) / 1000);
  if (alerts.length === 0) return 0;
  const newest = alerts.reduce((max, alert) => Math.max(max, Date.parse(alert.updatedAt)), 0);
  return Math.max(0, (nowMs - newest) / 1000);
}

async function pollSource(ctx: PollContext): Promise<PollResult> {
  const { spec, deps, state } = ctx;
  const nowMs = deps.clock.now();
  const stored = await deps.store.repos.checkpoints.get(spec.checkpointName);
  const start: Checkpoint = stored?.watermark
    ? stored
    : { watermark: firstFetchWatermark(nowMs, spec.firstFetchMs), idsAtWatermark: [] };
  const cap = state.cap;
  const alerts = await spec.fetch(start.watermark ?? '', cap);
  const complete = alerts.length < cap;
  state.cap = complete ? spec.maxAlerts : cap * 2;
  const progress = new CheckpointProgress(start, nowMs - spec.settleMs, complete, !stored?.watermark);
  let ingested = 0;
  try {
    ingested = await ingestInOrder(ctx, alerts, start, progress);
  } finally {
    await saveCheckpoint(ctx, progress);
  }
  forgetSettled(state, progress.checkpoint);
  deps.metrics.pollLag(spec.source, lagSeconds(nowMs, alerts, start, complete));
  const fields = { fetched: alerts.length, ingested, since: start.watermark, complete };
  if (!complete) ctx.log.warn({ ...fields, nextMaxAlerts: state.cap }, 'backlog larger than one poll reads');
  else ctx.log.debug({ ...fields, watermark: progress.checkpoint.watermark }, 'poll done');
  return { fetched: alerts.length, ingested };
}

function logFailure(log: Logger, error: unknown): void {
  const code = isVigilError(error) ? error.code : 'INGEST.POLL_FAILED';
  const message = error instanceof Error ? error.message : String(error);
  log.error({ code, message }, 'poll failed; retrying at the next interval');
}

/**
 * A poller of one alert source with a durable checkpoint (see `AlertSourceSpec`). Each poll reads the
 * alerts at or after the checkpoint, hands the unseen ones to the ingestor oldest first, and moves the
 * checkpoint every few hundred alerts and at the end, even when an ingest fails midway. Moving it after
 * the alerts it covers were ingested is what makes a crash safe: an alert ingested but not yet covered
 * is read again and ingested again, and ingesting the same version twice is a no-op.
 */
export function createSourcePoller(spec: AlertSourceSpec, deps: SourcePollerDeps): Poller {
  const log = deps.logger.child({ poller: spec.checkpointName });
  const ctx: PollContext = { spec, deps, log, state: { cap: spec.maxAlerts, recent: new Map() } };
  let inFlight: Promise<PollResult> | undefined;
  const pollOnce = (): Promise<PollResult> => {
    inFlight ??= pollSource(ctx).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  const run = () =>
    pollOnce().then(
      () => undefined,
      (error: unknown) => logFailure(log, error),
    );
  const loop = createPollLoop({ intervalMs: spec.intervalMs, run, now: () => deps.clock.now() });
  return {
    pollOnce,
    start() {
      if (spec.intervalMs > 0) loop.start();
      else log.info({}, 'polling is off (interval 0)');
    },
    async stop() {
      await loop.stop();
      await inFlight?.catch(() => undefined);
    },
  };
}
