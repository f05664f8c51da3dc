import type Database from 'better-sqlite3';
import type { Alert } from '../../domain/alerts/alert';
import { SEVERITIES, severityRank } from '../../domain/alerts/severity';
import { titleKeyOf } from '../../domain/storms/decide-fold';
import type { AlertListQuery, AlertRepository, StoredAlert } from '../../services/ports/store.port';
import { canonicalTime } from './canonical-time';
import { fromJsonColumn, toJsonColumn } from './json-column';
import { StoreError } from './store-error';
import type { Synchronous } from './synchronous';

interface AlertRow {
  readonly data: string;
  readonly first_seen_at: string;
  readonly group_id: string | null;
}

const SELECT = 'SELECT data, first_seen_at, group_id FROM alerts';

const UPSERT = `INSERT INTO alerts
  (id, source, severity, status, title_key, created_at, updated_at, first_seen_at, group_id, data)
  VALUES (@id, @source, @severity, @status, @titleKey, @createdAt, @updatedAt, @seenAt, NULL, @data)
  ON CONFLICT (id) DO UPDATE SET
    source = excluded.source, severity = excluded.severity, status = excluded.status,
    title_key = excluded.title_key, created_at = excluded.created_at, updated_at = excluded.updated_at,
    data = excluded.data`;

/** Alerts in SQLite: the alert as JSON plus the columns Vigil filters on. Lists are newest first. */
export class SqliteAlertRepository implements Synchronous<AlertRepository> {
  readonly #byId: Database.Statement<[string], AlertRow>;
  readonly #upsert: Database.Statement<[Record<string, string>]>;
  readonly #setGroup: Database.Statement<[string, string]>;
  readonly #count: Database.Statement<[], { n: number }>;

  constructor(private readonly db: Database.Database) {
    this.#byId = db.prepare(`${SELECT} WHERE id = ?`);
    this.#upsert = db.prepare(UPSERT);
    this.#setGroup = db.prepare('UPDATE alerts SET group_id = ? WHERE id = ?');
    this.#count = db.prepare('SELECT COUNT(*) AS n FROM alerts');
  }

  get(id: string): StoredAlert | undefined {
    return this.#read(id);
  }

  /** Keeps `firstSeenAt` and the group of the version it replaces. */
  save(alert: Alert, seenAt: string): StoredAlert | undefined {
    const previous = this.#read(alert.id);
    this.#upsert.run({
      id: alert.id,
      source: alert.source,
      severity: alert.severity,
      status: alert.status,
      titleKey: titleKeyOf(alert),
      createdAt: canonicalTime(alert.createdAt, 'alert.createdAt'),
      updatedAt: canonicalTime(alert.updatedAt, 'alert.updatedAt'),
      seenAt: canonicalTime(seenAt, 'seenAt'),
      data: toJsonColumn(alert),
    });
    return previous;
  }

  setGroup(alertId: string, groupId: string): void {
    if (this.#setGroup.run(groupId, alertId).changes === 0) {
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
    return this.db
      .prepare<unknown[], AlertRow>(sql)
      .all(...params, ...page.params)
      .map(toStoredAlert);
  }

  count(): number {
    return this.#count.get()?.n ?? 0;
  }

  #read(id: string): StoredAlert | undefined {
    const row = this.#byId.get(id);
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
