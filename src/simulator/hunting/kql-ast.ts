import type { KqlScalar, KqlType } from './kql-types';

/** Every node carries `pos`: the 0-based offset of the text it came from, for error messages. */
export type KqlExpr = LiteralExpr | ColumnExpr | CallExpr | BinaryExpr | ListExpr | UnaryExpr;

export interface LiteralExpr {
  readonly kind: 'literal';
  readonly type: KqlType;
  readonly value: KqlScalar;
  readonly pos: number;
}

export interface ColumnExpr {
  readonly kind: 'column';
  readonly name: string;
  readonly pos: number;
}

export interface CallExpr {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly KqlExpr[];
  readonly pos: number;
}

/** Comparison, string, logical and arithmetic operators; `pos` is the operator's. */
export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: string;
  readonly left: KqlExpr;
  readonly right: KqlExpr;
  readonly pos: number;
}

/** `x in ("a", "b")`, `x !in~ (…)`, `x has_any (…)`. */
export interface ListExpr {
  readonly kind: 'list';
  readonly op: string;
  readonly left: KqlExpr;
  readonly items: readonly KqlExpr[];
  readonly pos: number;
}

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: '-';
  readonly operand: KqlExpr;
  readonly pos: number;
}

/** A column name as written, with where it was written. */
export interface NameRef {
  readonly name: string;
  readonly pos: number;
}

/** `Name = expr` or a bare `expr` (then the output column is named after it). */
export interface NamedExpr {
  readonly name?: NameRef;
  readonly expr: KqlExpr;
}

export interface SortKey {
  readonly expr: KqlExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** `n = count()`, `dcount(DeviceId)`: an aggregation call, optionally named. */
export interface AggregateItem {
  readonly name?: NameRef;
  readonly call: CallExpr;
}

export type TabularOperator =
  | { readonly kind: 'where'; readonly pos: number; readonly predicate: KqlExpr }
  | { readonly kind: 'project'; readonly pos: number; readonly items: readonly NamedExpr[] }
  | { readonly kind: 'project-away'; readonly pos: number; readonly columns: readonly NameRef[] }
  | {
      readonly kind: 'project-rename';
      readonly pos: number;
      readonly renames: ReadonlyArray<{ readonly to: NameRef; readonly from: NameRef }>;
    }
  | { readonly kind: 'extend'; readonly pos: number; readonly items: readonly NamedExpr[] }
  | { readonly kind: 'take'; readonly pos: number; readonly count: number }
  | { readonly kind: 'top'; readonly pos: number; readonly count: number; readonly key: SortKey }
  | { readonly kind: 'sort'; readonly pos: number; readonly keys: readonly SortKey[] }
  | {
      readonly kind: 'summarize';
      readonly pos: number;
      readonly aggregates: readonly AggregateItem[];
      readonly groups: readonly NamedExpr[];
    }
  | { readonly kind: 'distinct'; readonly pos: number; readonly columns: readonly NameRef[] | '*' }
  | { readonly kind: 'count'; readonly pos: number };

/** `Table | op | op …` */
export interface KqlQuery {
  readonly table: NameRef;
  readonly operators: readonly TabularOperator[];
}
