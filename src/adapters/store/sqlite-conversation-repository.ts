import type Database from 'better-sqlite3';
import type { ConversationRecord, ConversationRepository } from '../../services/ports/store.port';
import { canonicalTime } from './canonical-time';
import { fromJsonColumn, toJsonColumn } from './json-column';
import type { Synchronous } from './synchronous';

interface ConversationRow {
  readonly id: string;
  readonly kind: ConversationRecord['kind'];
  readonly tenant_id: string;
  readonly team_id: string | null;
  readonly name: string | null;
  readonly reference: string;
  readonly updated_at: string;
}

const UPSERT = `INSERT INTO conversations (id, kind, tenant_id, team_id, name, reference, updated_at)
  VALUES (@id, @kind, @tenantId, @teamId, @name, @reference, @updatedAt)
  ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, tenant_id = excluded.tenant_id,
    team_id = COALESCE(excluded.team_id, conversations.team_id),
    name = COALESCE(excluded.name, conversations.name),
    reference = excluded.reference, updated_at = excluded.updated_at`;

/**
 * Teams conversations by id. An upsert replaces the reference (its service URL may have moved) but an
 * activity that does not name the team or the conversation keeps the names already known.
 */
export class SqliteConversationRepository implements Synchronous<ConversationRepository> {
  readonly #byId: Database.Statement<[string], ConversationRow>;
  readonly #all: Database.Statement<[], ConversationRow>;
  readonly #upsert: Database.Statement<[Record<string, string | null>]>;

  constructor(db: Database.Database) {
    this.#byId = db.prepare('SELECT * FROM conversations WHERE id = ?');
    this.#all = db.prepare('SELECT * FROM conversations ORDER BY id');
    this.#upsert = db.prepare(UPSERT);
  }

  upsert(record: ConversationRecord): void {
    this.#upsert.run({
      id: record.id,
      kind: record.kind,
      tenantId: record.tenantId,
      teamId: record.teamId ?? null,
      name: record.name ?? null,
      reference: toJsonColumn(record.reference),
      updatedAt: canonicalTime(record.updatedAt, 'updatedAt'),
    });
  }

  get(id: string): ConversationRecord | undefined {
    const row = this.#byId.get(id);
    return row && toRecord(row);
  }

  list(): ConversationRecord[] {
    return this.#all.all().map(toRecord);
  }
}

function toRecord(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    kind: row.kind,
    tenantId: row.tenant_id,
    ...(row.team_id === null ? {} : { teamId: row.team_id }),
    ...(row.name === null ? {} : { name: row.name }),
    reference: fromJsonColumn<Record<string, unknown>>(row.reference),
    updatedAt: row.updated_at,
  };
}
