import type { KqlColumn, KqlRow, KqlScalar, KqlType } from './kql-types';

/** What every evaluation of one query shares: the query's clock, read once. */
export interface EvalEnv {
  /** Epoch ms that `now()` and `ago()` use. */
  readonly now: number;
}

/** A type-checked expression, ready to run against rows. */
export interface CompiledExpr {
  readonly type: KqlType;
  readonly pos: number;
  readonly evaluate: (row: KqlRow) => KqlScalar;
}

/** The columns an expression can see, and the environment it runs in. */
export interface ExprScope {
  readonly columns: ReadonlyMap<string, KqlColumn>;
  readonly env: EvalEnv;
}
