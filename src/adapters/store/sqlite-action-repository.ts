import type Database from 'better-sqlite3';
import type { ResponseAction } from '../../domain/actions/response-action';
import { isVigilError } from '../../domain/errors/vigil-error';
import type { ActionListQuery, ActionRepository } from '../../services/ports/store.port';
import { canonicalTime } from './canonical-time';
import { fromCheckedJsonColumn, toJsonColumn } from './json-column';
import { type PreparedOnce, preparedOnce } from './prepared-once';
import { responseActionSchema } from './response-action-schema';
import { StoreError } from './store-error';
import type { Synchronous } from './synchronous';

interface ActionRow {
  readonly id: string;
  readonly data: string;
}

type ActionColumns = Record<string, string | null>;

const SELECT = 'SELECT id, data FROM actions';

const INSERT = `INSERT INTO actions
  (id, request_key, kind, alert_id, machine_id, requested_by, tenant_id, status, defender_action_id,
    data, created_at, updated_at, next_check_at)
  VALUES (@id, @requestKey, @kind, @alertId, @machineId, @requestedBy, @tenantId, @status,
    @defenderActionId, @data, @createdAt, @updatedAt, @nextCheckAt)`;

const UPDATE = `UPDATE actions SET request_key = @requestKey, kind = @kind, alert_id = @alertId,
    machine_id = @machineId, requested_by = @requestedBy, tenant_id = @tenantId, status = @status,
    defender_action_id = @defenderActionId, data = @data, created_at = @createdAt,
    updated_at = @updatedAt, next_check_at = @nextCheckAt
  WHERE id = @id`;

/** Due actions, those waiting to be sent first (a new click is not stuck behind status checks). */
const DUE = `${SELECT} WHERE next_check_at IS NOT NULL AND next_check_at <= ?
  ORDER BY CASE status WHEN 'queued' THEN 0 ELSE 1 END, next_check_at, id LIMIT ?`;

/**
 * Takes a damaged row out of the queue so it cannot block the others: no next check, state `failed`
 * in its column, and its request key released (the JSON is left as found, for an operator to read).
 */
const QUARANTINE = `UPDATE actions SET next_check_at = NULL, status = 'failed',
  request_key = request_key || '#damaged-' || id WHERE id = ?`;

/**
 * Response actions in the `actions` table. `data` holds the whole `ResponseAction` as JSON and is what
 * is read back (checked against its schema: a damaged row is `STORE.CORRUPT_DATA`); the other columns
 * are copies for querying: `status` is the state, `created_at` the request time, `machine_id` lower
 * case, `next_check_at` when the worker looks next (NULL once final). `request_key` is unique, which is
 * what keeps one open action per intent. Statements are prepared on first use (the table comes with
 * migration 2, `next_check_at` with migration 3); each of a list's few shapes is prepared once too.
 */
export class SqliteActionRepository implements Synchronous<ActionRepository> {
  readonly #statements: PreparedOnce;

  constructor(db: Database.Database) {
    this.#statements = preparedOnce(db);
  }

  get(id: string): ResponseAction | undefined {
    const row = this.#statements.get<[string], ActionRow>(`${SELECT} WHERE id = ?`).get(id);
    return row && toAction(row);
  }

  getByKey(requestKey: string): ResponseAction | undefined {
    const row = this.#statements.get<[string], ActionRow>(`${SELECT} WHERE request_key = ?`).get(requestKey);
    return row && toAction(row);
  }

  /** A taken id or request key fails (SQLite's unique constraint) and is mapped to `STORE.CONFLICT`. */
  insert(action: ResponseAction): void {
    this.#statements.get<[ActionColumns]>(INSERT).run(toColumns(action));
  }

  update(action: ResponseAction): void {
    if (this.#statements.get<[ActionColumns]>(UPDATE).run(toColumns(action)).changes === 0) {
      throw new StoreError('STORE.NOT_FOUND', 'That action is not in Vigil.', {
        details: { entity: 'action', id: action.id },
      });
    }
  }

  /**
   * `nextCheckAt` of a claimed action, in its JSON too, becomes `leaseUntil` as given. A damaged row
   * (`STORE.CORRUPT_DATA`) is quarantined and skipped, so one bad row never stops the queue.
   */
  claimDue(now: string, limit: number, leaseUntil: string): ResponseAction[] {
    const dueAt = canonicalTime(now, 'now');
    const leaseColumn = canonicalTime(leaseUntil, 'leaseUntil');
    if (!(limit >= 1)) return [];
    const rows = this.#statements.get<[string, number], ActionRow>(DUE).all(dueAt, Math.floor(limit));
    const lease = this.#statements.get<[string, string, string]>(
      'UPDATE actions SET next_check_at = ?, data = ? WHERE id = ?',
    );
    const claimed: ResponseAction[] = [];
    for (const row of rows) {
      let action: ResponseAction;
      try {
        action = toAction(row);
      } catch (error) {
        if (!isVigilError(error, 'STORE.CORRUPT_DATA')) throw error;
        this.#statements.get<[string]>(QUARANTINE).run(row.id);
        continue;
      }
      const leased: ResponseAction = { ...action, nextCheckAt: leaseUntil };
      lease.run(leaseColumn, toJsonColumn(leased), row.id);
      claimed.push(leased);
    }
    return claimed;
  }

  nextDue(): string | undefined {
    const row = this.#statements
      .get<[], { at: string | null }>(
        'SELECT MIN(next_check_at) AS at FROM actions WHERE next_check_at IS NOT NULL',
      )
      .get();
    return row?.at ?? undefined;
  }

  list(query: ActionListQuery): ResponseAction[] {
    const { where, params } = listFilter(query);
    if (where === undefined) return [];
    const limit = query.limit;
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new StoreError('STORE.INVALID_QUERY', '"limit" must be a whole number, zero or more.', {
        details: { field: 'limit' },
      });
    }
    const sql = `${SELECT}${where} ORDER BY created_at DESC, id DESC LIMIT ?`;
    return this.#statements
      .get<unknown[], ActionRow>(sql)
      .all(...params, limit)
      .map(toAction);
  }
}

function toAction(row: ActionRow): ResponseAction {
  return fromCheckedJsonColumn(row.data, responseActionSchema, {
    entity: 'action',
    id: row.id,
    column: 'data',
  });
}

function toColumns(action: ResponseAction): ActionColumns {
  return {
    id: action.id,
    requestKey: action.requestKey,
    kind: action.kind,
    alertId: action.alertId,
    machineId: action.machineId?.toLowerCase() ?? null,
    requestedBy: action.requestedBy.aadObjectId,
    tenantId: action.tenantId,
    status: action.state,
    defenderActionId: action.defenderActionId ?? null,
    data: toJsonColumn(action),
    createdAt: canonicalTime(action.requestedAt, 'action.requestedAt'),
    updatedAt: canonicalTime(action.updatedAt, 'action.updatedAt'),
    nextCheckAt:
      action.nextCheckAt === undefined ? null : canonicalTime(action.nextCheckAt, 'action.nextCheckAt'),
  };
}

/** The WHERE clause of a list query; `where` is undefined when the query can match nothing. */
function listFilter(query: ActionListQuery): { where: string | undefined; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  if (query.alertId !== undefined) {
    clauses.push('alert_id = ?');
    params.push(query.alertId);
  }
  if (query.machineId !== undefined) {
    clauses.push('machine_id = ?');
    params.push(query.machineId.toLowerCase());
  }
  if (query.kinds !== undefined) {
    if (query.kinds.length === 0) return { where: undefined, params };
    clauses.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`);
    params.push(...query.kinds);
  }
  if (query.states !== undefined) {
    if (query.states.length === 0) return { where: undefined, params };
    clauses.push(`status IN (${query.states.map(() => '?').join(', ')})`);
    params.push(...query.states);
  }
  if (query.since !== undefined) {
    clauses.push('created_at >= ?');
    params.push(canonicalTime(query.since, 'since'));
  }
  return { where: clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`, params };
}
