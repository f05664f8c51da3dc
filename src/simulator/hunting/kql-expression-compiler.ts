import { AGGREGATE_FUNCTIONS } from './kql-aggregates';
import type { CallExpr, ColumnExpr, KqlExpr } from './kql-ast';
import type { CompiledExpr, ExprScope } from './kql-compiled';
import { semanticError } from './kql-error';
import { SCALAR_FUNCTIONS } from './kql-functions';
import { compileBinary, compileList, compileNegation } from './kql-operators';
import { suggestName } from './kql-suggest';
import type { KqlRow } from './kql-types';

/** Resolves names and checks types of an expression against the columns in scope. */
export function compileExpression(expr: KqlExpr, scope: ExprScope): CompiledExpr {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value;
      return { type: expr.type, pos: expr.pos, evaluate: () => value };
    }
    case 'column':
      return compileColumn(expr, scope);
    case 'call':
      return compileCall(expr, scope);
    case 'binary':
      return compileBinary(
        expr.op,
        compileExpression(expr.left, scope),
        compileExpression(expr.right, scope),
        expr.pos,
      );
    case 'list':
      return compileList(
        expr.op,
        compileExpression(expr.left, scope),
        expr.items.map((item) => compileExpression(item, scope)),
        expr.pos,
      );
    case 'unary':
      return compileNegation(compileExpression(expr.operand, scope), expr.pos);
  }
}

function compileColumn(expr: ColumnExpr, scope: ExprScope): CompiledExpr {
  const column = scope.columns.get(expr.name);
  if (!column) {
    const hint = suggestName(expr.name, scope.columns.keys());
    throw semanticError(expr.pos, `Failed to resolve column '${expr.name}' at position ${expr.pos}.${hint}`);
  }
  const name = column.name;
  return { type: column.type, pos: expr.pos, evaluate: (row: KqlRow) => row[name] ?? null };
}

/** Throws unless `count` arguments suit a function taking between `min` and `max`. */
export function checkArity(call: CallExpr, [min, max]: readonly [number, number]): void {
  const count = call.args.length;
  if (count >= min && count <= max) return;
  const wanted = min === max ? `${min}` : max > 32 ? `at least ${min}` : `${min} to ${max}`;
  throw semanticError(
    call.pos,
    `Semantic error at position ${call.pos}: the function '${call.name}' expects ${wanted} ` +
      `argument${wanted === '1' ? '' : 's'} but got ${count}.`,
  );
}

function compileCall(call: CallExpr, scope: ExprScope): CompiledExpr {
  const fn = Object.hasOwn(SCALAR_FUNCTIONS, call.name) ? SCALAR_FUNCTIONS[call.name] : undefined;
  if (!fn) {
    const where = `'${call.name}' at position ${call.pos}`;
    const message = Object.hasOwn(AGGREGATE_FUNCTIONS, call.name)
      ? `Semantic error at position ${call.pos}: the aggregation function '${call.name}' can only be used in summarize.`
      : `Failed to resolve function ${where}.${suggestName(call.name, Object.keys(SCALAR_FUNCTIONS))}`;
    throw semanticError(call.pos, message);
  }
  checkArity(call, fn.arity);
  const args = call.args.map((arg) => compileExpression(arg, scope));
  const type = fn.typeOf(args);
  const env = scope.env;
  const evaluate = (row: KqlRow) =>
    fn.apply(
      args.map((arg) => arg.evaluate(row)),
      args,
      env,
    );
  return { type, pos: call.pos, evaluate };
}
