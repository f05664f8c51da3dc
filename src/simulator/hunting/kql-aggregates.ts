import type { CompiledExpr } from './kql-compiled';
import { requireArgType, widenNumeric } from './kql-type-checks';
import type { KqlScalar, KqlType } from './kql-types';
import { compareValues } from './kql-values';

/** Collects the values of one group and yields the aggregate. */
export interface Accumulator {
  add(values: readonly KqlScalar[]): void;
  result(): KqlScalar;
}

/** An aggregation function of `summarize`. */
export interface AggregateFunction {
  readonly arity: readonly [min: number, max: number];
  readonly typeOf: (args: readonly CompiledExpr[]) => KqlType;
  readonly create: () => Accumulator;
}

const ORDERABLE = ['number', 'datetime', 'timespan', 'string', 'bool'] as const;

function counter(test: (values: readonly KqlScalar[]) => boolean): () => Accumulator {
  return () => {
    let n = 0;
    return {
      add: (values) => {
        if (test(values)) n += 1;
      },
      result: () => n,
    };
  };
}

function extreme(sign: 1 | -1): () => Accumulator {
  return () => {
    let best: KqlScalar = null;
    return {
      add: ([v]) => {
        if (v === null || v === undefined) return;
        if (best === null || sign * compareValues(v, best) > 0) best = v;
      },
      result: () => best,
    };
  };
}

function summing(average: boolean): () => Accumulator {
  return () => {
    let total = 0;
    let n = 0;
    return {
      add: ([v]) => {
        if (typeof v === 'number') [total, n] = [total + v, n + 1];
      },
      result: () => (average ? (n === 0 ? null : total / n) : total),
    };
  };
}

function distinctCounter(): Accumulator {
  const seen = new Set<KqlScalar>();
  return {
    add: ([v]) => {
      if (v !== null && v !== undefined) seen.add(v);
    },
    result: () => seen.size,
  };
}

function firstValue(): Accumulator {
  let found: KqlScalar = null;
  return {
    add: ([v]) => {
      if (found === null && v !== undefined) found = v;
    },
    result: () => found,
  };
}

const sameType = (name: string) => (args: readonly CompiledExpr[]) => {
  requireArgType(name, args, 0, ORDERABLE);
  return args[0]!.type;
};

const numeric = (name: string, result?: KqlType) => (args: readonly CompiledExpr[]) => {
  requireArgType(name, args, 0, ['number']);
  return result ?? widenNumeric(args[0]!.type, 'long');
};

/** The aggregation functions of `summarize`, by (case-sensitive) name. */
export const AGGREGATE_FUNCTIONS: Readonly<Record<string, AggregateFunction>> = {
  count: { arity: [0, 0], typeOf: () => 'long', create: counter(() => true) },
  countif: {
    arity: [1, 1],
    typeOf: (args) => {
      requireArgType('countif', args, 0, ['bool']);
      return 'long';
    },
    create: counter(([v]) => v === true),
  },
  dcount: { arity: [1, 2], typeOf: () => 'long', create: distinctCounter },
  sum: { arity: [1, 1], typeOf: numeric('sum'), create: summing(false) },
  avg: { arity: [1, 1], typeOf: numeric('avg', 'real'), create: summing(true) },
  min: { arity: [1, 1], typeOf: sameType('min'), create: extreme(-1) },
  max: { arity: [1, 1], typeOf: sameType('max'), create: extreme(1) },
  take_any: { arity: [1, 1], typeOf: (args) => args[0]!.type, create: firstValue },
  any: { arity: [1, 1], typeOf: (args) => args[0]!.type, create: firstValue },
};
