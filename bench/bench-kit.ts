/** One measured number of one scenario. */
export interface BenchResult {
  readonly scenario: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
}

/** A benchmark scenario: runs once, cleans up after itself, and returns its measurements. */
export interface Scenario {
  readonly name: string;
  run(): Promise<BenchResult[]>;
}

/** The nearest-rank percentile (0 < p ≤ 100) of some numbers; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** Milliseconds since some fixed moment, with sub-millisecond precision. */
export const nowMs = (): number => performance.now();

/** Rounds for display and the results file: 3 significant decimals below 10, fewer above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) < 10 ? 3 : Math.abs(value) < 1000 ? 1 : 0;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A results builder for one scenario. */
export function resultsOf(scenario: string): {
  add(metric: string, value: number, unit: string): void;
  readonly results: BenchResult[];
} {
  const results: BenchResult[] = [];
  return {
    add(metric, value, unit) {
      results.push({ scenario, metric, value: round(value), unit });
    },
    results,
  };
}

/** p50 and p95 of some latencies, added as `<prefix> p50` and `<prefix> p95` in ms. */
export function addLatencies(
  out: ReturnType<typeof resultsOf>,
  prefix: string,
  latenciesMs: readonly number[],
): void {
  out.add(`${prefix} p50`, percentile(latenciesMs, 50), 'ms');
  out.add(`${prefix} p95`, percentile(latenciesMs, 95), 'ms');
}
