import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ALL_MIGRATIONS } from '../../../src/adapters/store/migrations/all-migrations';
import type { Migration } from '../../../src/adapters/store/migrations/migration';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { describeStoreContract } from './contract/describe-store-contract';
import { useTempDatabasePath } from './temp-database-path';

/** Reads the file with a connection of its own, closed after `read`. */
function withRawDatabase<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('SQLite store', () => {
  describeStoreContract('in memory', () => openSqliteStore(':memory:'));

  describe('in a file', () => {
    const path = useTempDatabasePath();
    describeStoreContract('contract', () => openSqliteStore(path()), {
      durable: true,
      recordedMigrations: async () =>
        withRawDatabase(path(), (db) =>
          db
            .prepare<[], { version: number; appliedAt: string }>(
              'SELECT version, applied_at AS appliedAt FROM schema_migrations ORDER BY version',
            )
            .all(),
        ),
      recordNewerSchemaVersion: async () =>
        withRawDatabase(path(), (db) => {
          db.prepare(
            "INSERT INTO schema_migrations VALUES (999, 'from-the-future', '2030-01-01T00:00:00.000Z')",
          ).run();
        }),
    });
  });

  describe('opening', () => {
    const path = useTempDatabasePath();

    it('should create the folder and a WAL-mode database with the latest schema', async () => {
      const store = await openSqliteStore(path());
      await store.close();
      const { mode, versions } = withRawDatabase(path(), (db) => ({
        mode: db.pragma('journal_mode', { simple: true }),
        versions: db.prepare('SELECT version FROM schema_migrations').pluck().all(),
      }));
      assert.equal(mode, 'wal');
      assert.deepEqual(
        versions,
        ALL_MIGRATIONS.map((m) => m.version),
      );
    });

    it('should apply only the migrations a database lacks', async () => {
      const [v1] = ALL_MIGRATIONS;
      await (
        await openSqliteStore(path(), { migrations: [v1!], clock: () => '2026-01-01T00:00:00.000Z' })
      ).close();
      await (await openSqliteStore(path(), { clock: () => '2026-02-01T00:00:00.000Z' })).close();
      const applied = withRawDatabase(path(), (db) =>
        db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').raw().all(),
      );
      assert.deepEqual(applied, [
        [1, '2026-01-01T00:00:00.000Z'],
        ...ALL_MIGRATIONS.slice(1).map((m) => [m.version, '2026-02-01T00:00:00.000Z']),
      ]);
    });

    it('should leave the database untouched when a migration fails', async () => {
      const broken: Migration = {
        version: 2,
        name: 'broken',
        statements: () => ['CREATE TABLE t (a)', 'NOT SQL'],
      };
      await assert.rejects(openSqliteStore(path(), { migrations: [ALL_MIGRATIONS[0]!, broken] }), {
        code: 'STORE.MIGRATION_FAILED',
        details: { version: 2, name: 'broken' },
      });
      const tables = withRawDatabase(path(), (db) =>
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
      );
      assert.deepEqual(tables, []);
    });

    it('should refuse a file that is not a database, or no location at all', async () => {
      mkdirSync(dirname(path()), { recursive: true });
      writeFileSync(`${path()}.txt`, 'not a database'.repeat(100));
      await assert.rejects(openSqliteStore(`${path()}.txt`), { code: 'STORE.OPEN_FAILED' });
      await assert.rejects(openSqliteStore(' '), { code: 'STORE.INVALID_LOCATION' });
    });

    it('should fail with STORE.BUSY when another connection holds the write lock too long', async () => {
      const owner = await openSqliteStore(path());
      const other = await openSqliteStore(path(), { busyTimeoutMs: 20 });
      let release!: () => void;
      const holding = owner.transaction(
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
      );
      await new Promise((resolve) => setImmediate(resolve));
      await assert.rejects(other.repos.settings.set('k', 'v'), { code: 'STORE.BUSY' });
      release();
      await holding;
      await other.repos.settings.set('k', 'v');
      assert.equal(await owner.repos.settings.get('k'), 'v');
      await other.close();
      await owner.close();
    });
  });
});
