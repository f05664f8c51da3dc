import type { z } from 'zod';
import { StoreError } from './store-error';

/** Writes a value to a JSON (TEXT) column. */
export function toJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}

/** Reads a JSON (TEXT) column written by `toJsonColumn`. */
export function fromJsonColumn<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** The row a checked JSON column belongs to, named in the error when it is damaged. */
export interface JsonColumnSource {
  /** What the row holds: `action`. */
  readonly entity: string;
  readonly id: string;
  readonly column: string;
}

/**
 * Reads a JSON (TEXT) column and checks its shape against `schema`, returning the JSON as stored (keys
 * the schema does not know are kept). Text that is not JSON, or JSON of another shape (a row damaged
 * by hand, a bug), fails with `STORE.CORRUPT_DATA` naming the row and where it is wrong, never a value.
 */
export function fromCheckedJsonColumn<T>(text: string, schema: z.ZodType<T>, source: JsonColumnSource): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(source, 'is not JSON', error);
  }
  const checked = schema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw corrupt(source, `does not hold a valid ${source.entity}${where} (${issue?.code ?? 'invalid'})`);
  }
  return value as T;
}

function corrupt(source: JsonColumnSource, problem: string, cause?: unknown): StoreError {
  return new StoreError('STORE.CORRUPT_DATA', 'Vigil found damaged data in its database.', {
    cause,
    details: { entity: source.entity, id: source.id, column: source.column },
    message: `The ${source.column} of ${source.entity} ${source.id} ${problem}.`,
  });
}
