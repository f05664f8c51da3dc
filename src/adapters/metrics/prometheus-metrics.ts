import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Metrics } from '../../services/ports/metrics.port';

/** The `Metrics` port backed by a Prometheus registry of its own, and how to scrape it. */
export interface PrometheusMetrics {
  /** What the services report to. */
  readonly metrics: Metrics;
  /** Vigil's own registry (never prom-client's global one, so two instances in a process stay apart). */
  readonly registry: Registry;
  /** The `Content-Type` of `render()`'s text (Prometheus text format 0.0.4). */
  readonly contentType: string;
  /** Every metric in the Prometheus text format, for `GET /metrics`. */
  render(): Promise<string>;
}

export interface PrometheusMetricsOptions {
  /** Also collect Node's process metrics (CPU, memory, event loop lag, GC). Default true. */
  readonly processMetrics?: boolean;
}

function createInstruments(registry: Registry) {
  const registers = [registry];
  return {
    ingested: new Counter({
      name: 'vigil_alerts_ingested_total',
      help: 'Alerts received from Defender, by source and what ingestion made of them.',
      labelNames: ['source', 'outcome'] as const,
      registers,
    }),
    cardsPosted: new Counter({
      name: 'vigil_cards_posted_total',
      help: 'Alert cards posted to the SOC channel as new threads.',
      registers,
    }),
    teamsSends: new Counter({
      name: 'vigil_teams_sends_total',
      help: 'Sends to Teams by operation and outcome (retry and throttled = 429 count the repeats).',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    outboxDepth: new Gauge({
      name: 'vigil_outbox_depth',
      help: 'Items waiting in the Teams outbox.',
      registers,
    }),
    defenderCalls: new Counter({
      name: 'vigil_defender_calls_total',
      help: 'Calls to Defender by route family and outcome (retry and throttled = 429 count the repeats).',
      labelNames: ['family', 'outcome'] as const,
      registers,
    }),
    pollLag: new Gauge({
      name: 'vigil_poll_lag_seconds',
      help: 'Seconds between now and the newest alert update the last poll of a source has seen.',
      labelNames: ['source'] as const,
      registers,
    }),
  };
}

/**
 * Creates the Prometheus-backed `Metrics`: `vigil_alerts_ingested_total{source,outcome}`,
 * `vigil_cards_posted_total`, `vigil_teams_sends_total{operation,outcome}`, `vigil_outbox_depth`,
 * `vigil_defender_calls_total{family,outcome}` and `vigil_poll_lag_seconds{source}`, plus Node's
 * default process metrics, in a registry of their own.
 */
export function createPrometheusMetrics(options: PrometheusMetricsOptions = {}): PrometheusMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const m = createInstruments(registry);
  const metrics: Metrics = {
    alertIngested: (source, outcome) => m.ingested.inc({ source, outcome }),
    cardPosted: () => m.cardsPosted.inc(),
    teamsSend: (operation, outcome) => m.teamsSends.inc({ operation, outcome }),
    outboxDepth: (depth) => m.outboxDepth.set(depth),
    defenderCall: (family, outcome) => m.defenderCalls.inc({ family, outcome }),
    pollLag: (source, seconds) => m.pollLag.set({ source }, Math.max(0, seconds)),
  };
  return {
    metrics,
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}
