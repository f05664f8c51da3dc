import { KqlError } from './kql-error';
import { type KqlResult, RESULT_TOO_LARGE } from './kql-evaluator';
import { type KqlScalar, WIRE_TYPE_NAMES } from './kql-types';
import { valueToWire } from './kql-values';

/** MDE refuses results over 124 MB as well as over 100,000 rows. */
export const MAX_RESULT_BYTES = 124 * 1024 * 1024;

export interface HuntingResponseBody {
  readonly Stats: {
    readonly ExecutionTime: number;
    readonly resource_usage: Record<string, unknown>;
    readonly dataset_statistics: ReadonlyArray<{
      readonly table_row_count: number;
      readonly table_size: number;
    }>;
  };
  readonly Schema: ReadonlyArray<{ readonly Name: string; readonly Type: string }>;
  readonly Results: ReadonlyArray<Record<string, KqlScalar>>;
}

/** `00:00:00.0156250`: how the service writes CPU time. */
function cpuTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const fraction = (seconds - whole).toFixed(7).slice(1);
  const hh = String(Math.floor(whole / 3600)).padStart(2, '0');
  const mm = String(Math.floor((whole % 3600) / 60)).padStart(2, '0');
  const ss = String(whole % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}${fraction}`;
}

function resourceUsage(seconds: number, bytes: number): Record<string, unknown> {
  return {
    cache: {
      memory: { hits: 0, misses: 0, total: 0 },
      disk: { hits: 0, misses: 0, total: 0 },
    },
    cpu: { user: cpuTime(seconds), kernel: '00:00:00', 'total cpu': cpuTime(seconds) },
    memory: { peak_per_node: Math.max(1_048_576, bytes * 4) },
  };
}

/** The API's answer: `Stats`, `Schema` with MDE's type names, and `Results` with ISO datetimes. */
export function huntingResponse(result: KqlResult, elapsedMs: number): HuntingResponseBody {
  const Results = result.rows.map((row) => {
    const out: Record<string, KqlScalar> = Object.create(null);
    for (const { name, type } of result.columns) out[name] = valueToWire(row[name] ?? null, type);
    return out;
  });
  const size = Buffer.byteLength(JSON.stringify(Results));
  if (size > MAX_RESULT_BYTES) throw new KqlError('limit', 0, RESULT_TOO_LARGE);
  const seconds = Math.round(elapsedMs) / 1000;
  return {
    Stats: {
      ExecutionTime: seconds,
      resource_usage: resourceUsage(seconds, size),
      dataset_statistics: [{ table_row_count: Results.length, table_size: size }],
    },
    Schema: result.columns.map((c) => ({ Name: c.name, Type: WIRE_TYPE_NAMES[c.type] })),
    Results,
  };
}
