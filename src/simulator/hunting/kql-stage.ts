import type { NamedExpr } from './kql-ast';
import type { EvalEnv, ExprScope } from './kql-compiled';
import { semanticError } from './kql-error';
import { suggestName } from './kql-suggest';
import type { KqlColumn, KqlRow, KqlScalar } from './kql-types';

/** One compiled tabular operator: the columns it outputs and how it turns rows into rows. */
export interface Stage {
  readonly columns: readonly KqlColumn[];
  readonly run: (rows: readonly KqlRow[]) => readonly KqlRow[];
}

/** The scope expressions of an operator see: its input columns. */
export function scopeOf(columns: readonly KqlColumn[], env: EvalEnv): ExprScope {
  return { columns: new Map(columns.map((column) => [column.name, column])), env };
}

/** A fresh row without a prototype, so a column named `constructor` or `__proto__` is just a column. */
export function newRow(from?: KqlRow): Record<string, KqlScalar> {
  const row: Record<string, KqlScalar> = Object.create(null);
  return from ? Object.assign(row, from) : row;
}

/** The name of an output column: as written, else the column it copies, else `Column1`, `Column2`, … */
export function outputName(item: NamedExpr, nextAuto: () => string): string {
  if (item.name) return item.name.name;
  return item.expr.kind === 'column' ? item.expr.name : nextAuto();
}

/** A generator of `Column1`, `Column2`, … for unnamed expressions. */
export function autoNames(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `Column${n}`;
  };
}

/** Throws when an operator would output two columns of the same name. */
export function assertUniqueNames(names: ReadonlyArray<{ name: string; pos: number }>): void {
  const seen = new Set<string>();
  for (const { name, pos } of names) {
    if (seen.has(name)) {
      throw semanticError(
        pos,
        `Semantic error at position ${pos}: a column named '${name}' is already defined; give it another name.`,
      );
    }
    seen.add(name);
  }
}

/** Throws unless every name is one of the columns. */
export function requireColumns(
  columns: readonly KqlColumn[],
  names: ReadonlyArray<{ name: string; pos: number }>,
): void {
  for (const { name, pos } of names) {
    if (!columns.some((column) => column.name === name)) {
      const hint = suggestName(
        name,
        columns.map((c) => c.name),
      );
      throw semanticError(pos, `Failed to resolve column '${name}' at position ${pos}.${hint}`);
    }
  }
}
