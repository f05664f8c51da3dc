import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { applySqliteMigrations } from '../../../../src/adapters/store/apply-sqlite-migrations';
import { ALL_MIGRATIONS } from '../../../../src/adapters/store/migrations/all-migrations';
import type { Migration } from '../../../../src/adapters/store/migrations/migration';
import {
  POSTGRES_DIALECT,
  SQLITE_DIALECT,
  type SqlDialect,
} from '../../../../src/adapters/store/migrations/sql-dialect';
import { SqliteAlertRepository } from '../../../../src/adapters/store/sqlite-alert-repository';
import { SqliteRuleRepository } from '../../../../src/adapters/store/sqlite-rule-repository';
import { at, makeAlert, makeRule } from '../contract/store-fixtures';

/**
 * A migration's statements with every dialect word left as a numbered marker, and the words of each
 * marker: filling the markers with a dialect's words must give that dialect's statements.
 */
function withMarkers(migration: Migration): { sql: string; fill: (dialect: SqlDialect) => string } {
  const uses: ((dialect: SqlDialect) => string)[] = [];
  const marker = (use: (dialect: SqlDialect) => string) => `<<${uses.push(use) - 1}>>`;
  const probe: SqlDialect = {
    name: 'sqlite',
    get serialPrimaryKey() {
      return marker((d) => d.serialPrimaryKey);
    },
    jsonText: (column, path) => marker((d) => d.jsonText(column, path)),
  };
  const sql = migration.statements(probe).join('\n');
  return { sql, fill: (dialect) => sql.replace(/<<(\d+)>>/g, (_, n: string) => uses[Number(n)]!(dialect)) };
}

describe('ALL_MIGRATIONS', () => {
  it('should number migrations 1, 2, 3… with distinct kebab-case names', () => {
    assert.deepEqual(
      ALL_MIGRATIONS.map((m) => m.version),
      ALL_MIGRATIONS.map((_, i) => i + 1),
    );
    assert.equal(new Set(ALL_MIGRATIONS.map((m) => m.name)).size, ALL_MIGRATIONS.length);
    for (const m of ALL_MIGRATIONS) assert.match(m.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("should differ between SQLite and PostgreSQL only in the dialect's words", () => {
    for (const m of ALL_MIGRATIONS) {
      const { fill } = withMarkers(m);
      assert.equal(m.statements(SQLITE_DIALECT).join('\n'), fill(SQLITE_DIALECT));
      assert.equal(m.statements(POSTGRES_DIALECT).join('\n'), fill(POSTGRES_DIALECT));
    }
  });

  it('should use only portable column types', () => {
    const sql = ALL_MIGRATIONS.flatMap((m) => m.statements(SQLITE_DIALECT)).join('\n');
    const types = [...sql.matchAll(/(?:^\s+|ADD COLUMN )[a-z_]+ ([A-Z]+)\b/gm)].map((match) => match[1]);
    assert.ok(types.length > 0);
    const allowed = new Set(['TEXT', 'INTEGER']);
    assert.deepEqual(
      types.filter((t) => !allowed.has(t!)),
      [],
    );
  });
});

describe('SqlDialect', () => {
  it('should read text inside a JSON column in each dialect', () => {
    assert.equal(SQLITE_DIALECT.jsonText('data', ['machine', 'id']), "json_extract(data, '$.machine.id')");
    assert.equal(POSTGRES_DIALECT.jsonText('data', ['machine', 'id']), "data::json->'machine'->>'id'");
    assert.equal(POSTGRES_DIALECT.jsonText('data', ['id']), "data::json->>'id'");
  });

  it('should refuse words that are not plain SQL words', () => {
    for (const dialect of [SQLITE_DIALECT, POSTGRES_DIALECT]) {
      assert.throws(() => dialect.jsonText('data', ["x') OR ('1"]));
      assert.throws(() => dialect.jsonText('data; DROP TABLE alerts', ['id']));
      assert.throws(() => dialect.jsonText('data', []));
    }
  });
});

describe('v003 action-tracking (SQLite)', () => {
  const clock = () => '2026-01-01T00:00:00.000Z';
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => db.close());

  const columns = (table: string) =>
    db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((c) => c.name);
  const indexes = (table: string) =>
    db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_index_list('${table}')`)
      .all()
      .map((i) => i.name);

  it('should add the due time of actions and the machine of alerts, with their indexes', () => {
    applySqliteMigrations(db, ALL_MIGRATIONS, clock);
    assert.ok(columns('actions').includes('next_check_at'));
    assert.ok(columns('alerts').includes('machine_id'));
    assert.ok(indexes('actions').includes('actions_due'));
    assert.ok(indexes('actions').includes('actions_created_at'));
    assert.ok(indexes('alerts').includes('alerts_machine'));
  });

  it('should fill in the machine, lower case, of the alerts stored before it', () => {
    applySqliteMigrations(db, ALL_MIGRATIONS.slice(0, 2), clock);
    const insert = db.prepare(`INSERT INTO alerts
      (id, source, severity, status, created_at, updated_at, first_seen_at, data)
      VALUES (?, ?, 'high', ?, ?, ?, ?, ?)`);
    const store = (id: string, minute: number, alert: ReturnType<typeof makeAlert>) =>
      insert.run(id, alert.source, alert.status, at(minute), at(minute), at(minute), JSON.stringify(alert));
    store('a1', 1, makeAlert({ id: 'a1', machine: { id: 'ABC123def', name: 'pc-1' } }));
    store('a2', 2, makeAlert({ id: 'a2', machine: { id: 'abc123DEF', name: 'pc-1' }, status: 'resolved' }));
    store('a3', 3, makeAlert({ id: 'a3', source: 'mcas', machine: undefined }));

    assert.deepEqual(applySqliteMigrations(db, ALL_MIGRATIONS.slice(0, 3), clock), [3]);
    const backfilled = db.prepare('SELECT id, machine_id FROM alerts ORDER BY id').raw().all();
    assert.deepEqual(backfilled, [
      ['a1', 'abc123def'],
      ['a2', 'abc123def'],
      ['a3', null],
    ]);
    const alerts = new SqliteAlertRepository(db);
    assert.deepEqual(
      alerts.listOpenOnMachine('ABC123DEF', 10).map((s) => s.alert.id),
      ['a1'],
    );
  });

  it('should leave the actions stored before it with nothing due', () => {
    applySqliteMigrations(db, ALL_MIGRATIONS.slice(0, 2), clock);
    db.prepare(`INSERT INTO actions
      (id, request_key, kind, requested_by, tenant_id, status, data, created_at, updated_at)
      VALUES ('x', 'k', 'scan', 'ana', 't', 'queued', '{}', ?, ?)`).run(at(0), at(0));
    applySqliteMigrations(db, ALL_MIGRATIONS, clock);
    assert.deepEqual(db.prepare('SELECT next_check_at FROM actions').raw().all(), [[null]]);
  });
});

describe('v004 rule-details (SQLite)', () => {
  const clock = () => '2026-01-01T00:00:00.000Z';
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => db.close());

  const columns = (table: string) =>
    db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((c) => c.name);
  const indexes = (table: string) =>
    db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_index_list('${table}')`)
      .all()
      .map((i) => i.name);

  /** Stores a rule row as a v002 schema holds it. */
  const storeOld = (id: string, name: string, definition: unknown, minute = 0) =>
    db
      .prepare(`INSERT INTO rules (id, name, definition, enabled, created_by, created_at, updated_at)
        VALUES (?, ?, ?, 1, 'ada', ?, ?)`)
      .run(id, name, JSON.stringify(definition), at(minute), at(minute));

  it('should add the rule columns, the unique name key, the running order index and the counters', () => {
    applySqliteMigrations(db, ALL_MIGRATIONS, clock);
    for (const column of ['expires_at', 'sort_order', 'created_by_name', 'name_key']) {
      assert.ok(columns('rules').includes(column), column);
    }
    assert.ok(indexes('rules').includes('rules_name_key'));
    assert.ok(indexes('rules').includes('rules_running_order'));
    assert.deepEqual(columns('counters'), ['name', 'value']);
    assert.deepEqual(db.prepare('SELECT name, value FROM counters').raw().all(), [['rule_number', 0]]);
    assert.equal(new SqliteRuleRepository(db).nextNumber(), 1);
  });

  it('should fill in the order, the name key and the rule counter from the rules stored before it', () => {
    applySqliteMigrations(db, ALL_MIGRATIONS.slice(0, 3), clock);
    const { definition } = makeRule();
    const ordered = { ...definition, name: 'Ordered', options: { ...definition.options, order: 7 } };
    storeOld('r3', 'High sev isolate', definition, 1);
    storeOld('r12', 'Ordered', ordered, 2);
    storeOld('r007', 'seven', { ...definition, name: 'seven' }, 3);
    storeOld('r99x', 'not a number', { ...definition, name: 'not a number' }, 4);
    storeOld('custom', 'HIGH SEV ISOLATE', { ...definition, name: 'HIGH SEV ISOLATE' }, 5);

    assert.deepEqual(applySqliteMigrations(db, ALL_MIGRATIONS.slice(0, 4), clock), [4]);
    assert.deepEqual(
      db.prepare('SELECT id, name_key, sort_order FROM rules ORDER BY id').raw().all(),
      [
        ['custom', 'high sev isolate'],
        ['r007', 'seven'],
        ['r12', 'ordered'],
        ['r3', 'high sev isolate#r3'],
        ['r99x', 'not a number'],
      ].map(([id, key]) => [id, key, id === 'r12' ? 7 : 1000]),
    );
    const rules = new SqliteRuleRepository(db);
    assert.equal(rules.nextNumber(), 13);
    assert.deepEqual(
      rules.list().map((r) => r.id),
      ['r12', 'r3', 'r007', 'r99x', 'custom'],
    );
    assert.equal(rules.getByName('high SEV isolate')?.id, 'custom');
    assert.deepEqual(rules.get('r3')?.createdBy, { aadObjectId: 'ada', name: 'ada' });
    assert.equal(rules.get('r3')?.expiresAt, undefined);
  });
});
