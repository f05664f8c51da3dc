import type Database from 'better-sqlite3';
import type { FoldRepository, StoredFoldGroup } from '../../services/ports/store.port';
import { canonicalTime } from './canonical-time';
import { fromJsonColumn, toJsonColumn } from './json-column';
import { StoreError } from './store-error';
import type { Synchronous } from './synchronous';

interface GroupRow {
  readonly id: string;
  readonly title_key: string;
  readonly root_alert_id: string;
  readonly machine_names: string;
  readonly alert_count: number;
  readonly first_alert_at: string;
  readonly last_alert_at: string;
}

const SELECT_GROUP = 'SELECT * FROM fold_groups';

/**
 * Fold groups in SQLite: one row per group (machines as a JSON list) and one row per member alert in
 * `fold_group_alerts`. Adding an alert that is already a member changes nothing, so a replayed ingest
 * does not count an alert twice. Machine names are kept once each, whatever their case.
 */
export class SqliteFoldRepository implements Synchronous<FoldRepository> {
  readonly #byId: Database.Statement<[string], GroupRow>;
  readonly #open: Database.Statement<[string, string], GroupRow>;
  readonly #members: Database.Statement<[string], { alert_id: string }>;
  readonly #insertGroup: Database.Statement<[Record<string, string | number>]>;
  readonly #insertMember: Database.Statement<[string, string, number]>;
  readonly #bump: Database.Statement<[string, string, string, string]>;

  constructor(db: Database.Database) {
    this.#byId = db.prepare(`${SELECT_GROUP} WHERE id = ?`);
    this.#open = db.prepare(
      `${SELECT_GROUP} WHERE title_key = ? AND last_alert_at >= ? ORDER BY last_alert_at DESC, id`,
    );
    this.#members = db.prepare('SELECT alert_id FROM fold_group_alerts WHERE group_id = ? ORDER BY position');
    this.#insertGroup = db.prepare(`INSERT INTO fold_groups
      (id, title_key, root_alert_id, machine_names, alert_count, first_alert_at, last_alert_at)
      VALUES (@id, @titleKey, @rootAlertId, @machineNames, 1, @at, @at)`);
    this.#insertMember = db.prepare(
      'INSERT INTO fold_group_alerts (group_id, alert_id, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.#bump = db.prepare(`UPDATE fold_groups SET alert_count = alert_count + 1, machine_names = ?,
      last_alert_at = CASE WHEN last_alert_at < ? THEN ? ELSE last_alert_at END WHERE id = ?`);
  }

  openGroups(titleKey: string, since: string): StoredFoldGroup[] {
    return this.#open.all(titleKey, canonicalTime(since, 'since')).map((row) => this.#toGroup(row));
  }

  get(groupId: string): StoredFoldGroup | undefined {
    const row = this.#byId.get(groupId);
    return row && this.#toGroup(row);
  }

  create(group: {
    id: string;
    titleKey: string;
    rootAlertId: string;
    machineName?: string;
    at: string;
  }): void {
    this.#insertGroup.run({
      id: group.id,
      titleKey: group.titleKey,
      rootAlertId: group.rootAlertId,
      machineNames: toJsonColumn(group.machineName === undefined ? [] : [group.machineName]),
      at: canonicalTime(group.at, 'at'),
    });
    this.#insertMember.run(group.id, group.rootAlertId, 0);
  }

  add(groupId: string, alertId: string, machineName: string | undefined, at: string): void {
    const row = this.#byId.get(groupId);
    if (row === undefined) {
      throw new StoreError('STORE.NOT_FOUND', 'That alert group is not in Vigil.', {
        details: { entity: 'foldGroup', id: groupId },
      });
    }
    const time = canonicalTime(at, 'at');
    if (this.#insertMember.run(groupId, alertId, row.alert_count).changes === 0) return;
    const machines = withMachine(fromJsonColumn<string[]>(row.machine_names), machineName);
    this.#bump.run(toJsonColumn(machines), time, time, groupId);
  }

  #toGroup(row: GroupRow): StoredFoldGroup {
    return {
      id: row.id,
      titleKey: row.title_key,
      rootAlertId: row.root_alert_id,
      machineNames: fromJsonColumn<string[]>(row.machine_names),
      count: row.alert_count,
      firstAlertAt: row.first_alert_at,
      lastAlertAt: row.last_alert_at,
      alertIds: this.#members.all(row.id).map((m) => m.alert_id),
    };
  }
}

function withMachine(machines: string[], machineName: string | undefined): string[] {
  if (machineName === undefined) return machines;
  const lower = machineName.toLowerCase();
  return machines.some((m) => m.toLowerCase() === lower) ? machines : [...machines, machineName];
}
