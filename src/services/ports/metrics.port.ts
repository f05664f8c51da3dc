/**
 * The counters and gauges Vigil's services report; the HTTP adapter exposes them to Prometheus on
 * `GET /metrics`. Label values are small fixed sets (a source, an operation), never ids.
 */
export interface Metrics {
  alertIngested(
    source: 'mde' | 'mcas',
    outcome: 'new' | 'changed' | 'unchanged' | 'folded' | 'filtered',
  ): void;
  cardPosted(): void;
  teamsSend(operation: 'post' | 'update' | 'reply', outcome: 'ok' | 'retry' | 'throttled' | 'failed'): void;
  outboxDepth(depth: number): void;
  defenderCall(family: string, outcome: 'ok' | 'retry' | 'throttled' | 'failed'): void;
  /** Seconds between now and the newest alert update a poll has seen. */
  pollLag(source: 'mde' | 'mcas', seconds: number): void;
}

/** Metrics that go nowhere, for tests and tools. */
export const noMetrics: Metrics = {
  alertIngested: () => undefined,
  cardPosted: () => undefined,
  teamsSend: () => undefined,
  outboxDepth: () => undefined,
  defenderCall: () => undefined,
  pollLag: () => undefined,
};
