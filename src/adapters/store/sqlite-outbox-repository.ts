import type Database from 'better-sqlite3';
import type { OutboxItem, OutboxKind, OutboxRepository } from '../../services/ports/store.port';
import { canonicalTime } from './canonical-time';
import { fromJsonColumn, toJsonColumn } from './json-column';
import type { Synchronous } from './synchronous';

interface OutboxRow {
  readonly id: number;
  readonly kind: OutboxKind;
  readonly group_id: string;
  readonly payload: string;
  readonly attempts: number;
  readonly not_before: string;
  readonly created_at: string;
}

/** The longest error text kept on a row. */
const MAX_ERROR_LENGTH = 2000;

const DUE = `status = 'pending' AND not_before <= @now AND (leased_until IS NULL OR leased_until <= @now)`;

const CLAIM = `UPDATE outbox SET attempts = attempts + 1, leased_until = @leaseUntil
  WHERE id IN (SELECT id FROM outbox WHERE ${DUE} ORDER BY id LIMIT @limit)
  RETURNING id, kind, group_id, payload, attempts, not_before, created_at`;

/**
 * The Teams outbox in SQLite. An item is waiting while `status = 'pending'`; `claim` leases it by
 * setting `leased_until` and counting the claim in `attempts`. Coalescing is enforced by two partial
 * unique indexes (see migration 1) and `ON CONFLICT DO NOTHING`: one never-claimed `updateCard` per
 * group (once claimed, the card may already be rendered, so a later change needs a new row) and one
 * `postCard` per group, ever. `complete`, `retry` and `fail` touch only pending items: a late answer
 * about an item already settled changes nothing.
 */
export class SqliteOutboxRepository implements Synchronous<OutboxRepository> {
  readonly #insert: Database.Statement<[Record<string, string>]>;
  readonly #claim: Database.Statement<[{ now: string; leaseUntil: string; limit: number }], OutboxRow>;
  readonly #complete: Database.Statement<[string, number]>;
  readonly #retry: Database.Statement<[string, string, number]>;
  readonly #fail: Database.Statement<[string, number]>;
  readonly #depth: Database.Statement<[], { n: number }>;

  constructor(
    db: Database.Database,
    private readonly clock: () => string,
  ) {
    this.#insert = db.prepare(`INSERT INTO outbox
      (kind, group_id, payload, status, attempts, not_before, created_at)
      VALUES (@kind, @groupId, @payload, 'pending', 0, @at, @at) ON CONFLICT DO NOTHING`);
    this.#claim = db.prepare(CLAIM);
    const settle = "leased_until = NULL WHERE id = ? AND status = 'pending'";
    this.#complete = db.prepare(`UPDATE outbox SET status = 'sent', sent_at = ?, ${settle}`);
    this.#retry = db.prepare(`UPDATE outbox SET not_before = ?, last_error = ?, ${settle}`);
    this.#fail = db.prepare(`UPDATE outbox SET status = 'failed', last_error = ?, ${settle}`);
    this.#depth = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'");
  }

  enqueue(item: {
    kind: OutboxKind;
    groupId: string;
    payload?: Record<string, unknown>;
    at: string;
  }): boolean {
    const result = this.#insert.run({
      kind: item.kind,
      groupId: item.groupId,
      payload: toJsonColumn(item.payload ?? {}),
      at: canonicalTime(item.at, 'at'),
    });
    return result.changes === 1;
  }

  /** `attempts` of a claimed item counts the claims before this one: 0 on its first try. */
  claim(now: string, limit: number, leaseUntil: string): OutboxItem[] {
    if (!(limit >= 1)) return [];
    const rows = this.#claim.all({
      now: canonicalTime(now, 'now'),
      leaseUntil: canonicalTime(leaseUntil, 'leaseUntil'),
      limit: Math.floor(limit),
    });
    return rows.sort((a, b) => a.id - b.id).map(toItem);
  }

  complete(id: number): void {
    this.#complete.run(this.clock(), id);
  }

  retry(id: number, notBefore: string, error: string): void {
    this.#retry.run(canonicalTime(notBefore, 'notBefore'), error.slice(0, MAX_ERROR_LENGTH), id);
  }

  fail(id: number, error: string): void {
    this.#fail.run(error.slice(0, MAX_ERROR_LENGTH), id);
  }

  depth(): number {
    return this.#depth.get()?.n ?? 0;
  }
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    kind: row.kind,
    groupId: row.group_id,
    payload: fromJsonColumn<Record<string, unknown>>(row.payload),
    attempts: row.attempts - 1,
    notBefore: row.not_before,
    createdAt: row.created_at,
  };
}
