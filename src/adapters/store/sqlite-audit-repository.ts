import type Database from 'better-sqlite3';
import type {
  AuditActor,
  AuditEntry,
  AuditOutcome,
  ChainedAuditContent,
} from '../../domain/audit/audit-entry';
import type { AuditListQuery, AuditRepository } from '../../services/ports/store.port';
import { fromJsonColumn, toJsonColumn } from './json-column';
import { type PreparedOnce, preparedOnce } from './prepared-once';
import type { Synchronous } from './synchronous';

interface AuditRow {
  readonly id: number;
  readonly at: string;
  readonly tenant_id: string | null;
  readonly actor: string;
  readonly action: string;
  readonly target: string | null;
  readonly details: string;
  readonly prev_hash: string | null;
  readonly hash: string;
}

/** What the `details` column holds: the outcome and the entry's details. */
interface DetailsColumn {
  readonly outcome: AuditOutcome;
  readonly details: Record<string, unknown>;
}

const INSERT = `INSERT INTO audit (at, tenant_id, actor, action, target, details, prev_hash, hash)
  VALUES (@at, @tenantId, @actor, @action, @target, @details, @prevHash, @hash)`;

/**
 * The audit log in the `audit` table: inserts and reads only. `actor` holds the actor as JSON and
 * `details` holds `{ outcome, details }`; `at` is kept exactly as given, because the hash covers it.
 * Statements are prepared on first use (the table comes with migration 2).
 */
export class SqliteAuditRepository implements Synchronous<AuditRepository> {
  readonly #statements: PreparedOnce;

  constructor(db: Database.Database) {
    this.#statements = preparedOnce(db);
  }

  append(entry: ChainedAuditContent): AuditEntry {
    const details: DetailsColumn = { outcome: entry.outcome, details: { ...entry.details } };
    const { lastInsertRowid } = this.#statements.get<[Record<string, string | null>]>(INSERT).run({
      at: entry.at,
      tenantId: entry.tenantId,
      actor: toJsonColumn({ aadObjectId: entry.actor.aadObjectId, name: entry.actor.name }),
      action: entry.action,
      target: entry.target,
      details: toJsonColumn(details),
      prevHash: entry.prevHash,
      hash: entry.hash,
    });
    const row = this.#statements
      .get<[number | bigint], AuditRow>('SELECT * FROM audit WHERE id = ?')
      .get(lastInsertRowid);
    if (row === undefined) throw new Error('The audit entry just appended cannot be read back.');
    return toEntry(row);
  }

  last(): AuditEntry | undefined {
    const row = this.#statements.get<[], AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT 1').get();
    return row && toEntry(row);
  }

  list(query: AuditListQuery): AuditEntry[] {
    const limit = Math.max(0, Math.floor(query.limit));
    const rows =
      query.target === undefined
        ? this.#statements.get<[number], AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit)
        : this.#statements
            .get<[string, number], AuditRow>('SELECT * FROM audit WHERE target = ? ORDER BY id DESC LIMIT ?')
            .all(query.target, limit);
    return rows.map(toEntry);
  }

  all(): AuditEntry[] {
    return this.#statements.get<[], AuditRow>('SELECT * FROM audit ORDER BY id').all().map(toEntry);
  }
}

function toEntry(row: AuditRow): AuditEntry {
  const { outcome, details } = fromJsonColumn<DetailsColumn>(row.details);
  return {
    id: Number(row.id),
    at: row.at,
    tenantId: row.tenant_id,
    actor: fromJsonColumn<AuditActor>(row.actor),
    action: row.action,
    target: row.target,
    outcome,
    details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
