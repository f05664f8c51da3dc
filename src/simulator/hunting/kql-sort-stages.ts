import type { SortKey, TabularOperator } from './kql-ast';
import type { EvalEnv } from './kql-compiled';
import { compileExpression } from './kql-expression-compiler';
import { type Stage, scopeOf } from './kql-stage';
import type { KqlColumn, KqlRow, KqlScalar } from './kql-types';
import { compareValues } from './kql-values';

type Op<K extends TabularOperator['kind']> = Extract<TabularOperator, { kind: K }>;

function compareKey(a: KqlScalar, b: KqlScalar, key: SortKey): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null) === key.nullsFirst ? -1 : 1;
  }
  const order = compareValues(a, b);
  return key.descending ? -order : order;
}

/** Sorts rows by the keys (stable: ties keep their input order). */
function sorter(keys: readonly SortKey[], input: readonly KqlColumn[], env: EvalEnv) {
  const scope = scopeOf(input, env);
  const compiled = keys.map((key) => ({ key, expr: compileExpression(key.expr, scope) }));
  return (rows: readonly KqlRow[]): KqlRow[] => {
    const decorated = rows.map((row) => ({ row, values: compiled.map((c) => c.expr.evaluate(row)) }));
    decorated.sort((a, b) => {
      for (const [i, { key }] of compiled.entries()) {
        const order = compareKey(a.values[i] ?? null, b.values[i] ?? null, key);
        if (order !== 0) return order;
      }
      return 0;
    });
    return decorated.map((d) => d.row);
  };
}

/** `sort by` / `order by`: descending unless `asc`; nulls last when descending, first when ascending. */
export function sortStage(op: Op<'sort'>, input: readonly KqlColumn[], env: EvalEnv): Stage {
  return { columns: input, run: sorter(op.keys, input, env) };
}

/** `top N by key`: the first N rows in that order. */
export function topStage(op: Op<'top'>, input: readonly KqlColumn[], env: EvalEnv): Stage {
  const sort = sorter([op.key], input, env);
  return { columns: input, run: (rows) => sort(rows).slice(0, op.count) };
}
