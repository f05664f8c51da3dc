import type Database from 'better-sqlite3';
import type { Alert } from '../../domain/alerts/alert';
import { SEVERITIES, severityRank } from '../../domain/alerts/severity';
import { titleKeyOf } from '../../domain/storms/decide-fold';
import type { AlertListQuery, AlertRepository, StoredAlert } from '../../services/ports/store.port';
import { canonicalTime } from './canonical-time';
import { fromJsonColumn, toJsonColumn } from './json-column';
import { type PreparedOnce, preparedOnce } from './prepared-once';
import { StoreError } from './store-error';
import type { Synchronous } from './synchronous';

interface AlertRow {
  readonly data: string;
  readonly first_seen_at: string;
  readonly group_id: string | null;
}

const SELECT = 'SELECT data, first_seen_at, group_id FROM alerts';

const UPSERT = `INSERT INTO alerts
  (id, source, severity, status, title_key, machine_id, created_at, updated_at, first_seen_at, group_id, data)
  VALUES (@id, @source, @severity, @status, @titleKey, @machineId, @createdAt, @updatedAt, @seenAt, NULL, @data)
  ON CONFLICT (id) DO UPDATE SET
    source = excluded.source, severity = excluded.severity, status = excluded.status,
    title_key = excluded.title_key, machine_id = excluded.machine_id, created_at = excluded.created_at,
    updated_at = excluded.updated_at, data = excluded.data`;

const OPEN_ON_MACHINE = `${SELECT} WHERE machine_id = ? AND status <> 'resolved'
  ORDER BY created_at DESC, id DESC LIMIT ?`;

/**
 * Alerts in SQLite: the alert as JSON plus the columns Vigil filters on (`machine_id` lower case, from
 * migration 3). Lists are newest first. Statements are prepared on first use, so a store opened on
 * fewer migrations (in tests) still opens.
 */
export class SqliteAlertRepository implements Synchronous<AlertRepository> {
  readonly #statements: PreparedOnce;

  constructor(db: Database.Database) {
    this.#statements = preparedOnce(db);
  }

  get(id: string): StoredAlert | undefined {
    return this.#read(id);
  }

  /** Keeps `firstSeenAt` and the group of the version it replaces. */
  save(alert: Alert, seenAt: string): StoredAlert | undefined {
    const previous = this.#read(alert.id);
    this.#statements.get<[Record<string, string | null>]>(UPSERT).run({
      id: alert.id,
      source: alert.source,
      severity: alert.severity,
      status: alert.status,
      titleKey: titleKeyOf(alert),
      machineId: alert.machine?.id.toLowerCase() ?? null,
      createdAt: canonicalTime(alert.createdAt, 'alert.createdAt'),
      updatedAt: canonicalTime(alert.updatedAt, 'alert.updatedAt'),
      seenAt: canonicalTime(seenAt, 'seenAt'),
      data: toJsonColumn(alert),
    });
    return previous;
  }

  setGroup(alertId: string, groupId: string): void {
    const setGroup = this.#statements.get<[string, string]>('UPDATE alerts SET group_id = ? WHERE id = ?');
    if (setGroup.run(groupId, alertId).changes === 0) {
      throw new StoreError('STORE.NOT_FOUND', 'That alert is not in Vigil.', {
        details: { entity: 'alert', id: alertId },
      });
    }
  }

  list(query: AlertListQuery): StoredAlert[] {
    const { where, params } = listFilter(query);
    if (where === undefined) return [];
    const page = pageClause(query);
    const sql = `${SELECT}${where} ORDER BY created_at DESC, id DESC${page.sql}`;
    return this.#statements
      .get<unknown[], AlertRow>(sql)
      .all(...params, ...page.params)
      .map(toStoredAlert);
  }

  /** `machineId` is compared lower case, as `machine_id` is stored. */
  listOpenOnMachine(machineId: string, limit: number): StoredAlert[] {
    const most = checkCount(limit, 'limit') ?? 0;
    return this.#statements
      .get<[string, number], AlertRow>(OPEN_ON_MACHINE)
      .all(machineId.toLowerCase(), most)
      .map(toStoredAlert);
  }

  count(): number {
    return this.#statements.get<[], { n: number }>('SELECT COUNT(*) AS n FROM alerts').get()?.n ?? 0;
  }

  #read(id: string): StoredAlert | undefined {
    const row = this.#statements.get<[string], AlertRow>(`${SELECT} WHERE id = ?`).get(id);
    return row && toStoredAlert(row);
  }
}

function toStoredAlert(row: AlertRow): StoredAlert {
  return { alert: fromJsonColumn<Alert>(row.data), firstSeenAt: row.first_seen_at, groupId: row.group_id };
}

/** The WHERE clause of a list query; `where` is undefined when the query can match nothing. */
function listFilter(query: AlertListQuery): { where: string | undefined; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  if (query.statuses !== undefined) {
    if (query.statuses.length === 0) return { where: undefined, params };
    clauses.push(`status IN (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.minSeverity !== undefined) {
    const min = severityRank(query.minSeverity);
    const severities = SEVERITIES.filter((s) => severityRank(s) >= min);
    clauses.push(`severity IN (${severities.map(() => '?').join(', ')})`);
    params.push(...severities);
  }
  if (query.createdSince !== undefined) {
    clauses.push('created_at >= ?');
    params.push(canonicalTime(query.createdSince, 'createdSince'));
  }
  return { where: clauses.length === 0 ? '' : ` WHERE ${clauses.join(' AND ')}`, params };
}

function pageClause(query: AlertListQuery): { sql: string; params: number[] } {
  const limit = checkCount(query.limit, 'limit');
  const offset = checkCount(query.offset, 'offset');
  if (limit === undefined && offset === undefined) return { sql: '', params: [] };
  return { sql: ' LIMIT ? OFFSET ?', params: [limit ?? -1, offset ?? 0] };
}

function checkCount(value: number | undefined, field: string): number | undefined {
  if (value === undefined || (Number.isSafeInteger(value) && value >= 0)) return value;
  throw new StoreError('STORE.INVALID_QUERY', `"${field}" must be a whole number, zero or more.`, {
    details: { field },
  });
}
