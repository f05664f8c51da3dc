/** The syntax tree of a `$filter` expression, before it is checked against an entity's properties. */

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type LiteralValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'datetime'; readonly text: string }
  | { readonly type: 'guid'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' };

export type FilterNode =
  | { readonly kind: 'or' | 'and'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | {
      readonly kind: 'compare';
      readonly operator: ComparisonOperator;
      readonly left: FilterNode;
      readonly right: FilterNode;
    }
  | { readonly kind: 'in'; readonly left: FilterNode; readonly items: readonly FilterNode[] }
  | { readonly kind: 'literal'; readonly literal: LiteralValue; readonly position: number }
  /** A property path (`status`, `relatedUser/userName`) or a lambda variable (`t`). */
  | { readonly kind: 'name'; readonly path: string; readonly position: number }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly FilterNode[];
      readonly position: number;
    }
  | {
      readonly kind: 'lambda';
      readonly quantifier: 'any' | 'all';
      readonly collection: string;
      /** Absent for `tags/any()`, which means "not empty". */
      readonly variable?: string;
      readonly body?: FilterNode;
      readonly position: number;
    };

export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
