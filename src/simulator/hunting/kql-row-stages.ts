import type { NamedExpr, NameRef, TabularOperator } from './kql-ast';
import type { EvalEnv } from './kql-compiled';
import { semanticError } from './kql-error';
import { compileExpression } from './kql-expression-compiler';
import {
  assertUniqueNames,
  autoNames,
  newRow,
  outputName,
  requireColumns,
  type Stage,
  scopeOf,
} from './kql-stage';
import type { KqlColumn, KqlRow } from './kql-types';

type Op<K extends TabularOperator['kind']> = Extract<TabularOperator, { kind: K }>;

export function whereStage(op: Op<'where'>, input: readonly KqlColumn[], env: EvalEnv): Stage {
  const predicate = compileExpression(op.predicate, scopeOf(input, env));
  if (predicate.type !== 'bool') {
    throw semanticError(
      op.predicate.pos,
      `Semantic error at position ${op.predicate.pos}: the 'where' predicate must be a Boolean ` +
        `expression but is ${predicate.type}.`,
    );
  }
  return { columns: input, run: (rows) => rows.filter((row) => predicate.evaluate(row) === true) };
}

function compileNamed(items: readonly NamedExpr[], input: readonly KqlColumn[], env: EvalEnv) {
  const scope = scopeOf(input, env);
  const nextAuto = autoNames();
  return items.map((item) => ({
    name: outputName(item, nextAuto),
    pos: item.name?.pos ?? item.expr.pos,
    expr: compileExpression(item.expr, scope),
  }));
}

export function projectStage(op: Op<'project'>, input: readonly KqlColumn[], env: EvalEnv): Stage {
  const outputs = compileNamed(op.items, input, env);
  assertUniqueNames(outputs);
  const run = (rows: readonly KqlRow[]) =>
    rows.map((row) => {
      const out = newRow();
      for (const output of outputs) out[output.name] = output.expr.evaluate(row);
      return out;
    });
  return { columns: outputs.map((o) => ({ name: o.name, type: o.expr.type })), run };
}

/** `extend`: each item sees the columns the items before it added; an existing name is replaced in place. */
export function extendStage(op: Op<'extend'>, input: readonly KqlColumn[], env: EvalEnv): Stage {
  let columns = [...input];
  const nextAuto = autoNames();
  const outputs = op.items.map((item) => {
    const expr = compileExpression(item.expr, scopeOf(columns, env));
    const name = outputName(item, nextAuto);
    const column = { name, type: expr.type };
    const at = columns.findIndex((c) => c.name === name);
    columns = at === -1 ? [...columns, column] : columns.map((c, i) => (i === at ? column : c));
    return { name, expr };
  });
  const run = (rows: readonly KqlRow[]) =>
    rows.map((row) => {
      const out = newRow(row);
      for (const output of outputs) out[output.name] = output.expr.evaluate(out);
      return out;
    });
  return { columns, run };
}

export function projectAwayStage(op: Op<'project-away'>, input: readonly KqlColumn[]): Stage {
  requireColumns(input, op.columns);
  const away = new Set(op.columns.map((c) => c.name));
  return { columns: input.filter((c) => !away.has(c.name)), run: (rows) => rows };
}

export function projectRenameStage(op: Op<'project-rename'>, input: readonly KqlColumn[]): Stage {
  requireColumns(
    input,
    op.renames.map((r) => r.from),
  );
  let columns = [...input];
  for (const { to, from } of op.renames) {
    columns = columns.map((c) => (c.name === from.name ? { name: to.name, type: c.type } : c));
  }
  assertUniqueNames(columns.map((c) => ({ name: c.name, pos: op.pos })));
  const run = (rows: readonly KqlRow[]) =>
    rows.map((row) => {
      const out = newRow();
      for (const [i, column] of columns.entries()) out[column.name] = row[input[i]!.name] ?? null;
      return out;
    });
  return { columns, run };
}

export function takeStage(op: Op<'take'>, input: readonly KqlColumn[]): Stage {
  return { columns: input, run: (rows) => rows.slice(0, op.count) };
}

export function countStage(): Stage {
  return { columns: [{ name: 'Count', type: 'long' }], run: (rows) => [{ Count: rows.length }] };
}

export function distinctStage(op: Op<'distinct'>, input: readonly KqlColumn[]): Stage {
  const names: readonly NameRef[] =
    op.columns === '*' ? input.map((c) => ({ name: c.name, pos: op.pos })) : op.columns;
  requireColumns(input, names);
  assertUniqueNames(names);
  const columns = names.map((n) => input.find((c) => c.name === n.name)!);
  const run = (rows: readonly KqlRow[]) => {
    const seen = new Map<string, KqlRow>();
    for (const row of rows) {
      const out = newRow();
      for (const { name } of columns) out[name] = row[name] ?? null;
      const key = JSON.stringify(columns.map((c) => out[c.name]));
      if (!seen.has(key)) seen.set(key, out);
    }
    return [...seen.values()];
  };
  return { columns, run };
}
