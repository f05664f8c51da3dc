import type { KqlQuery, TabularOperator } from './kql-ast';
import type { EvalEnv } from './kql-compiled';
import { KqlError, semanticError } from './kql-error';
import { parseKql } from './kql-parser';
import {
  countStage,
  distinctStage,
  extendStage,
  projectAwayStage,
  projectRenameStage,
  projectStage,
  takeStage,
  whereStage,
} from './kql-row-stages';
import { sortStage, topStage } from './kql-sort-stages';
import type { Stage } from './kql-stage';
import { suggestName } from './kql-suggest';
import { summarizeStage } from './kql-summarize-stage';
import type { KqlColumn, KqlRow } from './kql-types';

/** A table the evaluator can read; `rows()` is called only once the whole query has compiled. */
export interface KqlTableSource {
  readonly columns: readonly KqlColumn[];
  rows(): readonly KqlRow[];
}

/** Where table names resolve (case-sensitive). */
export interface KqlCatalog {
  table(name: string): KqlTableSource | undefined;
  tableNames(): readonly string[];
}

export interface KqlRunOptions {
  /** Epoch ms for `now()` and `ago()`. */
  readonly now: number;
  /** Results larger than this are refused, as MDE refuses more than 100,000 rows. */
  readonly maxRows?: number;
}

export interface KqlResult {
  readonly columns: readonly KqlColumn[];
  readonly rows: readonly KqlRow[];
}

export const MAX_RESULT_ROWS = 100_000;

export const RESULT_TOO_LARGE =
  'Query execution has exceeded the allowed result size. Optimize your query by limiting the number of ' +
  'results and try again.';

function compileOperator(op: TabularOperator, input: readonly KqlColumn[], env: EvalEnv): Stage {
  switch (op.kind) {
    case 'where':
      return whereStage(op, input, env);
    case 'project':
      return projectStage(op, input, env);
    case 'extend':
      return extendStage(op, input, env);
    case 'project-away':
      return projectAwayStage(op, input);
    case 'project-rename':
      return projectRenameStage(op, input);
    case 'take':
      return takeStage(op, input);
    case 'top':
      return topStage(op, input, env);
    case 'sort':
      return sortStage(op, input, env);
    case 'summarize':
      return summarizeStage(op, input, env);
    case 'distinct':
      return distinctStage(op, input);
    case 'count':
      return countStage();
  }
}

function resolveTable(query: KqlQuery, catalog: KqlCatalog): KqlTableSource {
  const { name, pos } = query.table;
  const table = catalog.table(name);
  if (table) return table;
  const hint = suggestName(name, catalog.tableNames());
  throw semanticError(pos, `Failed to resolve table '${name}' at position ${pos}.${hint}`);
}

/**
 * Parses, compiles and runs a query. Every problem with the query, including a result over the size
 * cap, is a {@link KqlError}; compilation finishes before any table is read.
 */
export function runKql(source: string, catalog: KqlCatalog, options: KqlRunOptions): KqlResult {
  const query = parseKql(source);
  const table = resolveTable(query, catalog);
  const env: EvalEnv = { now: options.now };
  let columns = table.columns;
  const stages = query.operators.map((op) => {
    const stage = compileOperator(op, columns, env);
    columns = stage.columns;
    return stage;
  });
  const rows = stages.reduce<readonly KqlRow[]>((current, stage) => stage.run(current), table.rows());
  if (rows.length > (options.maxRows ?? MAX_RESULT_ROWS)) throw new KqlError('limit', 0, RESULT_TOO_LARGE);
  return { columns, rows };
}
