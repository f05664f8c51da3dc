import type { Store } from '../../services/ports/store.port';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store';
import { StoreError } from './store-error';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Opens the store `VIGIL_DB` names: a `postgres://` or `postgresql://` URL (not available yet: fails
 * with `STORE.POSTGRES_NOT_AVAILABLE`, never repeating the URL, which may hold a password), or else a
 * SQLite file path.
 */
export async function openStore(vigilDb: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (POSTGRES_URL.test(vigilDb.trim())) {
    throw new StoreError(
      'STORE.POSTGRES_NOT_AVAILABLE',
      'PostgreSQL support arrives in a later release. Set VIGIL_DB to a SQLite file path (for example ./data/vigil.db) for now.',
    );
  }
  return openSqliteStore(vigilDb, options);
}
