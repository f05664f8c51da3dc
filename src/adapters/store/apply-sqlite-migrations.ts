import type Database from 'better-sqlite3';
import type { Migration } from './migrations/migration';
import { SQLITE_DIALECT } from './migrations/sql-dialect';
import { StoreError } from './store-error';

const CREATE_SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/**
 * Brings the database's schema up to the last of `migrations`: every pending migration, in version
 * order, inside one `BEGIN IMMEDIATE` transaction (so two processes opening the same file never both
 * migrate), each recorded in `schema_migrations`. A database written by a newer Vigil is refused with
 * `STORE.SCHEMA_TOO_NEW` before anything changes. Returns the versions applied.
 */
export function applySqliteMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  clock: () => string,
): number[] {
  const latest = migrations.at(-1)?.version ?? 0;
  const migrate = db.transaction((): number[] => {
    db.exec(CREATE_SCHEMA_MIGRATIONS);
    const current = recordedVersion(db);
    if (current > latest) throw schemaTooNew(current, latest);
    const pending = migrations.filter((m) => m.version > current);
    for (const migration of pending) applyOne(db, migration, clock());
    return pending.map((m) => m.version);
  });
  return migrate.immediate();
}

function recordedVersion(db: Database.Database): number {
  const row = db
    .prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations')
    .get();
  return row?.version ?? 0;
}

function applyOne(db: Database.Database, migration: Migration, appliedAt: string): void {
  try {
    for (const statement of migration.statements(SQLITE_DIALECT)) db.exec(statement);
  } catch (error) {
    throw new StoreError('STORE.MIGRATION_FAILED', "Vigil could not update its database's schema.", {
      cause: error,
      details: { version: migration.version, name: migration.name },
      message: `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
    });
  }
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
    migration.version,
    migration.name,
    appliedAt,
  );
}

function schemaTooNew(current: number, latest: number): StoreError {
  return new StoreError(
    'STORE.SCHEMA_TOO_NEW',
    `Vigil's database was written by a newer version of Vigil (schema ${current}; this version knows up to ${latest}). Run that version or newer.`,
    { details: { recordedVersion: current, supportedVersion: latest } },
  );
}
