import { type Accumulator, AGGREGATE_FUNCTIONS, type AggregateFunction } from './kql-aggregates';
import type { AggregateItem, NamedExpr, TabularOperator } from './kql-ast';
import type { CompiledExpr, EvalEnv, ExprScope } from './kql-compiled';
import { semanticError } from './kql-error';
import { checkArity, compileExpression } from './kql-expression-compiler';
import { SCALAR_FUNCTIONS } from './kql-functions';
import { assertUniqueNames, autoNames, newRow, type Stage, scopeOf } from './kql-stage';
import type { KqlColumn, KqlRow, KqlScalar } from './kql-types';

type SummarizeOp = Extract<TabularOperator, { kind: 'summarize' }>;

interface CompiledAggregate {
  readonly name: string;
  readonly pos: number;
  readonly fn: AggregateFunction;
  readonly args: readonly CompiledExpr[];
  readonly type: KqlColumn['type'];
}

function lookupAggregate(item: AggregateItem): AggregateFunction {
  const { name, pos } = item.call;
  if (Object.hasOwn(AGGREGATE_FUNCTIONS, name)) return AGGREGATE_FUNCTIONS[name]!;
  const known = Object.keys(AGGREGATE_FUNCTIONS).join(', ');
  const message = Object.hasOwn(SCALAR_FUNCTIONS, name)
    ? `Semantic error at position ${pos}: '${name}' is not an aggregation function (use one of ${known}).`
    : `Failed to resolve aggregation function '${name}' at position ${pos} (use one of ${known}).`;
  throw semanticError(pos, message);
}

/** `count_`, `dcount_DeviceId`, `sum_FileSize`: KQL's default names for unnamed aggregates. */
function aggregateName(item: AggregateItem): string {
  if (item.name) return item.name.name;
  const first = item.call.args[0];
  return `${item.call.name}_${first?.kind === 'column' ? first.name : ''}`;
}

function compileAggregate(item: AggregateItem, scope: ExprScope): CompiledAggregate {
  const fn = lookupAggregate(item);
  checkArity(item.call, fn.arity);
  const args = item.call.args.map((arg) => compileExpression(arg, scope));
  const pos = item.name?.pos ?? item.call.pos;
  return { name: aggregateName(item), pos, fn, args, type: fn.typeOf(args) };
}

/** Functions whose group column keeps the name of the column they round. */
const BINNING = new Set(['bin', 'floor', 'startofday']);

/** A group column is named as written, else after its column, also inside `bin(Timestamp, 1h)`. */
function groupName(item: NamedExpr, nextAuto: () => string): string {
  if (item.name) return item.name.name;
  const expr = item.expr;
  if (expr.kind === 'column') return expr.name;
  const first = expr.kind === 'call' && BINNING.has(expr.name) ? expr.args[0] : undefined;
  return first?.kind === 'column' ? first.name : nextAuto();
}

/** `summarize [name =] agg(…), … [by [name =] expr, …]`: the by-columns first, then the aggregates. */
export function summarizeStage(op: SummarizeOp, input: readonly KqlColumn[], env: EvalEnv): Stage {
  const scope = scopeOf(input, env);
  const nextAuto = autoNames();
  const groups = op.groups.map((item) => ({
    name: groupName(item, nextAuto),
    pos: item.name?.pos ?? item.expr.pos,
    expr: compileExpression(item.expr, scope),
  }));
  const aggregates = op.aggregates.map((item) => compileAggregate(item, scope));
  assertUniqueNames([...groups, ...aggregates]);
  const columns = [
    ...groups.map((g) => ({ name: g.name, type: g.expr.type })),
    ...aggregates.map((a) => ({ name: a.name, type: a.type })),
  ];
  return { columns, run: (rows) => summarizeRows(rows, groups, aggregates) };
}

function summarizeRows(
  rows: readonly KqlRow[],
  groups: ReadonlyArray<{ name: string; expr: CompiledExpr }>,
  aggregates: readonly CompiledAggregate[],
): KqlRow[] {
  const buckets = new Map<string, { keys: KqlScalar[]; accumulators: Accumulator[] }>();
  const bucketFor = (keys: KqlScalar[]) => {
    const id = JSON.stringify(keys);
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = { keys, accumulators: aggregates.map((a) => a.fn.create()) };
      buckets.set(id, bucket);
    }
    return bucket;
  };
  for (const row of rows) {
    const bucket = bucketFor(groups.map((g) => g.expr.evaluate(row)));
    aggregates.forEach((a, i) => {
      bucket.accumulators[i]!.add(a.args.map((arg) => arg.evaluate(row)));
    });
  }
  if (groups.length === 0 && buckets.size === 0) bucketFor([]);
  return [...buckets.values()].map(({ keys, accumulators }) => {
    const out = newRow();
    groups.forEach((g, i) => {
      out[g.name] = keys[i] ?? null;
    });
    aggregates.forEach((a, i) => {
      out[a.name] = accumulators[i]!.result();
    });
    return out;
  });
}
