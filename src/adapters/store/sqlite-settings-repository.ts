import type Database from 'better-sqlite3';
import type { SettingsRepository } from '../../services/ports/store.port';
import type { Synchronous } from './synchronous';

/** Settings changed at run time, as key → text. */
export class SqliteSettingsRepository implements Synchronous<SettingsRepository> {
  readonly #byKey: Database.Statement<[string], { value: string }>;
  readonly #upsert: Database.Statement<[string, string]>;

  constructor(db: Database.Database) {
    this.#byKey = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.#upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | undefined {
    return this.#byKey.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.#upsert.run(key, value);
  }
}
