import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Store, StoreTx } from '../../services/ports/store.port';
import { applySqliteMigrations } from './apply-sqlite-migrations';
import { AsyncMutex } from './async-mutex';
import { guardRepositories } from './guard-repositories';
import { ALL_MIGRATIONS } from './migrations/all-migrations';
import type { Migration } from './migrations/migration';
import { openSqliteDatabase } from './open-sqlite-database';
import { SqliteActionRepository } from './sqlite-action-repository';
import { SqliteAlertRepository } from './sqlite-alert-repository';
import { SqliteAuditRepository } from './sqlite-audit-repository';
import { SqliteCardRepository } from './sqlite-card-repository';
import { SqliteCheckpointRepository } from './sqlite-checkpoint-repository';
import { SqliteConversationRepository } from './sqlite-conversation-repository';
import { SqliteFoldRepository } from './sqlite-fold-repository';
import { SqliteOutboxRepository } from './sqlite-outbox-repository';
import { SqliteRoleRepository } from './sqlite-role-repository';
import { SqliteRuleRepository } from './sqlite-rule-repository';
import { SqliteSettingsRepository } from './sqlite-settings-repository';
import { StoreError } from './store-error';
import type { SynchronousRepositories } from './synchronous';
import { toStoreError } from './to-store-error';

/** How to open a SQLite store. */
export interface SqliteStoreOptions {
  /** How long to wait for another process's write lock before failing with `STORE.BUSY`. Default 5 s. */
  readonly busyTimeoutMs?: number;
  /** The time of what the port gives no time for (`sent_at`, `applied_at`). Default: the system clock. */
  readonly clock?: () => string;
  /** The migrations to bring the schema to. Default: all of them (tests may pass others). */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens Vigil's store in a SQLite file (its folder is created) or in memory (`':memory:'`), bringing its
 * schema up to date. Fails with `STORE.OPEN_FAILED`, `STORE.SCHEMA_TOO_NEW` or `STORE.MIGRATION_FAILED`.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const clock = options.clock ?? (() => new Date().toISOString());
  const db = openSqliteDatabase(path, options.busyTimeoutMs ?? 5000);
  try {
    applySqliteMigrations(db, options.migrations ?? ALL_MIGRATIONS, clock);
    return new SqliteStore(db, clock);
  } catch (error) {
    db.close();
    throw toStoreError(error, 'migrate');
  }
}

/** What a transaction's repositories check: they work only while their transaction runs. */
interface TxScope {
  active: boolean;
}

/**
 * The store on one better-sqlite3 connection. better-sqlite3 is synchronous but a transaction's work is
 * async, and while it awaits, anything else using the connection would land inside its transaction.
 * So one `AsyncMutex` runs transactions one after another: `BEGIN IMMEDIATE` (taking SQLite's write
 * lock at once, waiting up to the busy timeout for another process), the awaited work, then `COMMIT`,
 * or `ROLLBACK` if it threw. A call on `repos` queues on the same mutex and runs in a transaction of
 * its own; a call on a transaction's repositories runs in a savepoint, so each call is all or nothing.
 * Repository calls are synchronous inside, so no await ever splits one. An `AsyncLocalStorage` knows
 * whether code runs inside a transaction: starting another one there, or using `repos` there (both
 * would wait for themselves forever) fails at once with a coded error instead.
 */
class SqliteStore implements Store {
  readonly repos: StoreTx;
  readonly #db: Database.Database;
  readonly #raw: SynchronousRepositories;
  readonly #mutex = new AsyncMutex();
  readonly #scope = new AsyncLocalStorage<TxScope>();
  readonly #atomically: Database.Transaction<(call: () => unknown) => unknown>;
  #closed = false;

  constructor(db: Database.Database, clock: () => string) {
    this.#db = db;
    this.#atomically = db.transaction((call: () => unknown) => call());
    this.#raw = {
      alerts: new SqliteAlertRepository(db),
      folds: new SqliteFoldRepository(db),
      cards: new SqliteCardRepository(db),
      outbox: new SqliteOutboxRepository(db, clock),
      checkpoints: new SqliteCheckpointRepository(db),
      conversations: new SqliteConversationRepository(db),
      settings: new SqliteSettingsRepository(db),
      roles: new SqliteRoleRepository(db),
      audit: new SqliteAuditRepository(db),
      actions: new SqliteActionRepository(db),
      rules: new SqliteRuleRepository(db),
    };
    this.repos = guardRepositories(this.#raw, (operation, call) => this.#callAlone(operation, call));
  }

  async transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    this.#refuseInsideTransaction('STORE.NESTED_TRANSACTION', 'transaction');
    return this.#mutex.run(() => this.#runTransaction(work));
  }

  async close(): Promise<void> {
    this.#refuseInsideTransaction('STORE.NESTED_TRANSACTION', 'close');
    await this.#mutex.run(() => {
      if (this.#closed) return;
      this.#closed = true;
      this.#db.close();
    });
  }

  async #runTransaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    this.#assertOpen();
    const scope: TxScope = { active: true };
    const tx = guardRepositories(this.#raw, (operation, call) => this.#callInScope(scope, operation, call));
    this.#exec('BEGIN IMMEDIATE', 'transaction.begin');
    try {
      const result = await this.#scope.run(scope, () => work(tx));
      this.#exec('COMMIT', 'transaction.commit');
      return result;
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw error;
    } finally {
      scope.active = false;
    }
  }

  /** A `repos` call: after every transaction before it, in a transaction of its own. */
  async #callAlone(operation: string, call: () => unknown): Promise<unknown> {
    this.#refuseInsideTransaction('STORE.REPOS_IN_TRANSACTION', operation);
    return this.#mutex.run(() => {
      this.#assertOpen();
      return this.#atomic(operation, call);
    });
  }

  /** A call on a transaction's repositories: inside it, in a savepoint. */
  async #callInScope(scope: TxScope, operation: string, call: () => unknown): Promise<unknown> {
    if (!scope.active) {
      throw new StoreError('STORE.TRANSACTION_FINISHED', 'Vigil hit an internal error while saving.', {
        details: { operation },
        message: `${operation} was called on the repositories of a transaction that has ended.`,
      });
    }
    return this.#atomic(operation, call);
  }

  #atomic(operation: string, call: () => unknown): unknown {
    try {
      return this.#atomically.immediate(call);
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }

  #exec(sql: string, operation: string): void {
    try {
      this.#db.exec(sql);
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }

  #assertOpen(): void {
    if (this.#closed) {
      throw new StoreError('STORE.CLOSED', 'Vigil is shutting down.', { message: 'The store is closed.' });
    }
  }

  #refuseInsideTransaction(
    code: 'STORE.NESTED_TRANSACTION' | 'STORE.REPOS_IN_TRANSACTION',
    operation: string,
  ) {
    if (this.#scope.getStore()?.active !== true) return;
    throw new StoreError(code, 'Vigil hit an internal error while saving.', {
      details: { operation },
      message: `${operation} was called inside a transaction: use the transaction's own repositories.`,
    });
  }
}
