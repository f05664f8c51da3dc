import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './store-error';

/**
 * Opens (creating it and its folder if needed) a SQLite database with Vigil's settings: WAL journal
 * (readers never wait for the writer), `synchronous = FULL` (a committed transaction survives a power
 * cut), foreign keys enforced, and a busy timeout for when another process holds the write lock.
 */
export function openSqliteDatabase(path: string, busyTimeoutMs: number): Database.Database {
  if (path.trim() === '') {
    throw new StoreError('STORE.INVALID_LOCATION', "Vigil's database location (VIGIL_DB) is empty.");
  }
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: busyTimeoutMs });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    return db;
  } catch (error) {
    db?.close();
    throw new StoreError('STORE.OPEN_FAILED', `Vigil could not open its database at ${path}.`, {
      cause: error,
      details: { path, reason: (error as Error).message },
    });
  }
}
