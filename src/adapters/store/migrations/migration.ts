import type { SqlDialect } from './sql-dialect';

/**
 * One step of the schema. Versions start at 1 and grow by one; a released migration is never edited,
 * a change is a new migration. `statements` are run in order, inside the transaction that records the
 * version in `schema_migrations`.
 */
export interface Migration {
  readonly version: number;
  /** A short kebab-case name, recorded with the version. */
  readonly name: string;
  readonly statements: (dialect: SqlDialect) => readonly string[];
}
