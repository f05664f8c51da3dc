import type { CompiledExpr, EvalEnv } from './kql-compiled';
import { commonType, requireArgType } from './kql-type-checks';
import type { KqlScalar, KqlType } from './kql-types';
import { parseDatetimeText, valueToText } from './kql-values';

/** A scalar function: how many arguments, what it returns for their types, and what it computes. */
export interface ScalarFunction {
  readonly arity: readonly [min: number, max: number];
  /** Checks the arguments (a semantic error names the bad one) and returns the result type. */
  readonly typeOf: (args: readonly CompiledExpr[]) => KqlType;
  readonly apply: (values: readonly KqlScalar[], args: readonly CompiledExpr[], env: EvalEnv) => KqlScalar;
}

const DAY_MS = 86_400_000;
const text = (values: readonly KqlScalar[], args: readonly CompiledExpr[], i: number) =>
  valueToText(values[i] ?? null, args[i]!.type);
const num = (value: KqlScalar | undefined): number | null => (typeof value === 'number' ? value : null);

function toNumber(value: KqlScalar, type: KqlType): number | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'number') return type === 'datetime' ? null : value;
  const parsed = value.trim() === '' ? Number.NaN : Number(value);
  return Number.isNaN(parsed) ? null : parsed;
}

const fixed =
  (type: KqlType, argTypes: ReadonlyArray<readonly (KqlType | 'number')[]>, name: string) =>
  (args: readonly CompiledExpr[]): KqlType => {
    for (const [i, allowed] of argTypes.entries()) requireArgType(name, args, i, allowed);
    return type;
  };

const any = (type: KqlType) => () => type;

const conversion = (type: KqlType, truncate: boolean): ScalarFunction => ({
  arity: [1, 1],
  typeOf: any(type),
  apply: ([v], [a]) => {
    const n = toNumber(v ?? null, a!.type);
    return n === null ? null : truncate ? Math.trunc(n) : n;
  },
});

function bin(values: readonly KqlScalar[]): KqlScalar {
  const [value, size] = [num(values[0]), num(values[1])];
  if (value === null || size === null || size <= 0) return null;
  return Math.floor(value / size) * size;
}

function binType(args: readonly CompiledExpr[]): KqlType {
  const first = args[0]!.type;
  if (first === 'datetime' || first === 'timespan') {
    requireArgType('bin', args, 1, ['timespan']);
    return first;
  }
  requireArgType('bin', args, 0, ['number', 'datetime', 'timespan']);
  requireArgType('bin', args, 1, ['number']);
  return first;
}

const iff: ScalarFunction = {
  arity: [3, 3],
  typeOf: (args) => {
    requireArgType('iff', args, 0, ['bool']);
    return commonType('iff', args.slice(1));
  },
  apply: ([cond, yes, no]) => (cond === true ? (yes ?? null) : (no ?? null)),
};

/** The scalar functions the simulator knows, by (case-sensitive) name. */
export const SCALAR_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  now: {
    arity: [0, 1],
    typeOf: fixed('datetime', [['timespan']], 'now'),
    apply: ([offset], _a, env) => env.now + (num(offset) ?? 0),
  },
  ago: {
    arity: [1, 1],
    typeOf: fixed('datetime', [['timespan']], 'ago'),
    apply: ([span], _a, env) => (typeof span === 'number' ? env.now - span : null),
  },
  todatetime: {
    arity: [1, 1],
    typeOf: fixed('datetime', [['string', 'datetime']], 'todatetime'),
    apply: ([v]) => (typeof v === 'string' ? (parseDatetimeText(v) ?? null) : (v ?? null)),
  },
  startofday: {
    arity: [1, 1],
    typeOf: fixed('datetime', [['datetime']], 'startofday'),
    apply: ([v]) => (typeof v === 'number' ? Math.floor(v / DAY_MS) * DAY_MS : null),
  },
  hourofday: {
    arity: [1, 1],
    typeOf: fixed('int', [['datetime']], 'hourofday'),
    apply: ([v]) => (typeof v === 'number' ? new Date(v).getUTCHours() : null),
  },
  strcat: {
    arity: [1, 64],
    typeOf: any('string'),
    apply: (values, args) => values.map((_, i) => text(values, args, i)).join(''),
  },
  tolower: { arity: [1, 1], typeOf: any('string'), apply: (v, a) => text(v, a, 0).toLowerCase() },
  toupper: { arity: [1, 1], typeOf: any('string'), apply: (v, a) => text(v, a, 0).toUpperCase() },
  tostring: { arity: [1, 1], typeOf: any('string'), apply: (v, a) => text(v, a, 0) },
  strlen: { arity: [1, 1], typeOf: any('long'), apply: (v, a) => text(v, a, 0).length },
  substring: {
    arity: [2, 3],
    typeOf: fixed('string', [['string'], ['number'], ['number']], 'substring'),
    apply: ([s, start, length]) => {
      const from = Math.max(0, num(start) ?? 0);
      const str = typeof s === 'string' ? s : '';
      return length === undefined ? str.slice(from) : str.slice(from, from + Math.max(0, num(length) ?? 0));
    },
  },
  toint: conversion('int', true),
  tolong: conversion('long', true),
  todouble: conversion('real', false),
  toreal: conversion('real', false),
  isempty: { arity: [1, 1], typeOf: any('bool'), apply: ([v]) => v === null || v === '' },
  isnotempty: { arity: [1, 1], typeOf: any('bool'), apply: ([v]) => !(v === null || v === '') },
  isnull: { arity: [1, 1], typeOf: any('bool'), apply: ([v]) => v === null },
  isnotnull: { arity: [1, 1], typeOf: any('bool'), apply: ([v]) => v !== null },
  not: {
    arity: [1, 1],
    typeOf: fixed('bool', [['bool']], 'not'),
    apply: ([v]) => (typeof v === 'boolean' ? !v : null),
  },
  iff,
  iif: iff,
  coalesce: {
    arity: [1, 64],
    typeOf: (args) => commonType('coalesce', args),
    apply: (values) => values.find((v) => v !== null && v !== '') ?? values[values.length - 1] ?? null,
  },
  bin: { arity: [2, 2], typeOf: binType, apply: bin },
  floor: { arity: [2, 2], typeOf: binType, apply: bin },
};
