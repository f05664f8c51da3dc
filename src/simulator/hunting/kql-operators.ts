import type { CompiledExpr } from './kql-compiled';
import { semanticError } from './kql-error';
import { hasTerm, stringMatcher } from './kql-string-match';
import { typeClass, widenNumeric } from './kql-type-checks';
import { isNumericType, type KqlRow, type KqlScalar, type KqlType } from './kql-types';
import { compareValues, valueToText } from './kql-values';

const ORDERINGS: Readonly<Record<string, (c: number) => boolean>> = {
  '==': (c) => c === 0,
  '!=': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

const asText = (expr: CompiledExpr, row: KqlRow) => valueToText(expr.evaluate(row), expr.type);

function cannotCompare(pos: number, op: string, left: KqlType, right: KqlType): never {
  throw semanticError(
    pos,
    `Semantic error at position ${pos}: cannot compare values of types ${left} and ${right} with '${op}'. ` +
      'Try adding explicit casts.',
  );
}

/** Compiles `left op right` for every binary operator of the subset; type errors name the operator's position. */
export function compileBinary(
  op: string,
  left: CompiledExpr,
  right: CompiledExpr,
  pos: number,
): CompiledExpr {
  if (op === 'and' || op === 'or') return compileLogical(op, left, right, pos);
  const ordering = ORDERINGS[op];
  if (ordering) return compileComparison(ordering, op, left, right, pos);
  const match = stringMatcher(op);
  if (match) {
    return { type: 'bool', pos, evaluate: (row) => match(asText(left, row), asText(right, row)) };
  }
  return compileArithmetic(op, left, right, pos);
}

function compileLogical(
  op: 'and' | 'or',
  left: CompiledExpr,
  right: CompiledExpr,
  pos: number,
): CompiledExpr {
  for (const side of [left, right]) {
    if (side.type !== 'bool') {
      throw semanticError(
        side.pos,
        `Semantic error at position ${side.pos}: '${op}' needs Boolean operands but got ${side.type}.`,
      );
    }
  }
  const decisive = op === 'or';
  const evaluate = (row: KqlRow): KqlScalar => {
    const l = left.evaluate(row);
    if (l === decisive) return decisive;
    const r = right.evaluate(row);
    if (r === decisive) return decisive;
    return l === null || r === null ? null : !decisive;
  };
  return { type: 'bool', pos, evaluate };
}

function compileComparison(
  ordering: (c: number) => boolean,
  op: string,
  left: CompiledExpr,
  right: CompiledExpr,
  pos: number,
): CompiledExpr {
  if (typeClass(left.type) !== typeClass(right.type)) cannotCompare(pos, op, left.type, right.type);
  const evaluate = (row: KqlRow): KqlScalar => {
    const l = left.evaluate(row);
    const r = right.evaluate(row);
    return l === null || r === null ? null : ordering(compareValues(l, r));
  };
  return { type: 'bool', pos, evaluate };
}

/** `x in (…)`, `!in`, `in~`, `!in~` and `has_any`. */
export function compileList(
  op: string,
  left: CompiledExpr,
  items: readonly CompiledExpr[],
  pos: number,
): CompiledExpr {
  if (op === 'has_any') {
    const evaluate = (row: KqlRow) => {
      const haystack = asText(left, row).toLowerCase();
      return items.some((item) => hasTerm(haystack, asText(item, row).toLowerCase()));
    };
    return { type: 'bool', pos, evaluate };
  }
  const negated = op.startsWith('!');
  const folded = op.endsWith('~');
  if (!folded) {
    for (const item of items) {
      if (typeClass(item.type) !== typeClass(left.type)) cannotCompare(item.pos, op, left.type, item.type);
    }
  }
  const key = (expr: CompiledExpr, row: KqlRow): KqlScalar => {
    const value = expr.evaluate(row);
    return folded ? asText(expr, row).toLowerCase() : value;
  };
  const evaluate = (row: KqlRow): KqlScalar => {
    const value = key(left, row);
    if (value === null) return null;
    return items.some((item) => key(item, row) === value) !== negated;
  };
  return { type: 'bool', pos, evaluate };
}

type Arith = (a: number, b: number) => number | null;

const ARITHMETIC: Readonly<Record<string, Arith>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0 ? null : a / b),
  '%': (a, b) => (b === 0 ? null : a % b),
};

/** Result types of the non-numeric arithmetic KQL defines. */
const TIME_ARITHMETIC: Readonly<Record<string, KqlType>> = {
  'datetime - datetime': 'timespan',
  'datetime + timespan': 'datetime',
  'datetime - timespan': 'datetime',
  'timespan + datetime': 'datetime',
  'timespan + timespan': 'timespan',
  'timespan - timespan': 'timespan',
  'timespan / timespan': 'real',
  'timespan * number': 'timespan',
  'timespan / number': 'timespan',
  'number * timespan': 'timespan',
};

/** The result type of `left op right`, or undefined when KQL does not define it. */
function arithmeticType(op: string, l: KqlType, r: KqlType): KqlType | undefined {
  if (isNumericType(l) && isNumericType(r)) {
    const wide = widenNumeric(l, r);
    return wide === 'int' ? 'long' : wide;
  }
  const pair = `${typeClass(l)} ${op} ${typeClass(r)}`;
  return Object.hasOwn(TIME_ARITHMETIC, pair) ? TIME_ARITHMETIC[pair] : undefined;
}

function compileArithmetic(op: string, left: CompiledExpr, right: CompiledExpr, pos: number): CompiledExpr {
  const compute = ARITHMETIC[op];
  const type = compute ? arithmeticType(op, left.type, right.type) : undefined;
  if (!compute || !type) {
    const hint = left.type === 'string' && op === '+' ? ' Use strcat() to join strings.' : '';
    throw semanticError(
      pos,
      `Semantic error at position ${pos}: the operator '${op}' cannot be applied to ${left.type} and ` +
        `${right.type}.${hint}`,
    );
  }
  const integral = type === 'long';
  const evaluate = (row: KqlRow): KqlScalar => {
    const l = left.evaluate(row);
    const r = right.evaluate(row);
    if (typeof l !== 'number' || typeof r !== 'number') return null;
    const result = compute(l, r);
    return result !== null && integral ? Math.trunc(result) : result;
  };
  return { type, pos, evaluate };
}

/** Unary minus on a number or timespan. */
export function compileNegation(operand: CompiledExpr, pos: number): CompiledExpr {
  if (!isNumericType(operand.type) && operand.type !== 'timespan') {
    throw semanticError(
      pos,
      `Semantic error at position ${pos}: cannot negate a value of type ${operand.type}.`,
    );
  }
  const evaluate = (row: KqlRow): KqlScalar => {
    const value = operand.evaluate(row);
    return typeof value === 'number' ? -value : null;
  };
  return { type: operand.type, pos, evaluate };
}
