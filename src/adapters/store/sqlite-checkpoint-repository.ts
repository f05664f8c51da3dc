import type Database from 'better-sqlite3';
import type { Checkpoint } from '../../domain/ingest/checkpoint';
import type { CheckpointRepository } from '../../services/ports/store.port';
import { fromJsonColumn, toJsonColumn } from './json-column';
import type { Synchronous } from './synchronous';

interface CheckpointRow {
  readonly watermark: string | null;
  readonly ids_at_watermark: string;
}

/**
 * Pollers' checkpoints by name. The watermark is kept exactly as given (not made canonical): it is the
 * source's own `updatedAt`, sent back to the source in the next poll's filter.
 */
export class SqliteCheckpointRepository implements Synchronous<CheckpointRepository> {
  readonly #byName: Database.Statement<[string], CheckpointRow>;
  readonly #upsert: Database.Statement<[string, string | null, string]>;

  constructor(db: Database.Database) {
    this.#byName = db.prepare('SELECT watermark, ids_at_watermark FROM checkpoints WHERE name = ?');
    this.#upsert = db.prepare(`INSERT INTO checkpoints (name, watermark, ids_at_watermark) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET watermark = excluded.watermark,
        ids_at_watermark = excluded.ids_at_watermark`);
  }

  get(name: string): Checkpoint | undefined {
    const row = this.#byName.get(name);
    return (
      row && { watermark: row.watermark, idsAtWatermark: fromJsonColumn<string[]>(row.ids_at_watermark) }
    );
  }

  set(name: string, checkpoint: Checkpoint): void {
    this.#upsert.run(name, checkpoint.watermark, toJsonColumn(checkpoint.idsAtWatermark));
  }
}
