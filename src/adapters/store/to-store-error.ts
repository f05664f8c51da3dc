import Database from 'better-sqlite3';
import { StoreError, type StoreErrorCode } from './store-error';

const CONFLICT_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT']);

/**
 * Turns a SQLite failure of `operation` (`alerts.save`) into a coded `StoreError`; other errors (a
 * `StoreError` already, a bug) pass through unchanged. The SQLite message names tables and columns,
 * never values, so it is kept as the error's message for operators.
 */
export function toStoreError(error: unknown, operation: string): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const [code, friendlyMessage] = classify(error.code);
  return new StoreError(code, friendlyMessage, {
    cause: error,
    details: { operation, sqliteCode: error.code },
    message: `${operation}: ${error.message}`,
  });
}

function classify(sqliteCode: string): [StoreErrorCode, string] {
  if (sqliteCode === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return ['STORE.REFERENCE_MISSING', 'Vigil tried to store something that refers to a missing record.'];
  }
  if (CONFLICT_CODES.has(sqliteCode)) {
    return ['STORE.CONFLICT', 'That is already recorded: someone may have just asked for the same thing.'];
  }
  if (BUSY_CODES.has(sqliteCode)) return ['STORE.BUSY', "Vigil's database is busy. Try again in a moment."];
  return ['STORE.QUERY_FAILED', 'Vigil could not read or write its database.'];
}
