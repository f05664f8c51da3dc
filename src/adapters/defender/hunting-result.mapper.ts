import type { HuntingResult } from '../../services/ports/defender.port';
import type { HuntingResultDto } from './mde-schemas';

/** Maps MDE's `{Schema, Results, Stats?}` into the port's `{schema, rows, stats?}`. */
export function mapHuntingResult(dto: HuntingResultDto): HuntingResult {
  const executionTimeS = dto.Stats?.ExecutionTime ?? undefined;
  return {
    schema: dto.Schema.map((column) => ({ name: column.Name, type: column.Type })),
    rows: dto.Results,
    ...(dto.Stats
      ? {
          stats: {
            rowCount: dto.Results.length,
            ...(executionTimeS === undefined ? {} : { executionTimeS }),
          },
        }
      : {}),
  };
}
