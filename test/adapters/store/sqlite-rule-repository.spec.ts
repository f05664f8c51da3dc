import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { applySqliteMigrations } from '../../../src/adapters/store/apply-sqlite-migrations';
import { ALL_MIGRATIONS } from '../../../src/adapters/store/migrations/all-migrations';
import { SqliteRuleRepository } from '../../../src/adapters/store/sqlite-rule-repository';
import { parseRule } from '../../../src/domain/rules/parse-rule';
import { at, makeRule } from './contract/store-fixtures';

describe('SqliteRuleRepository', () => {
  let db: Database.Database;
  let rules: SqliteRuleRepository;
  beforeEach(() => {
    db = new Database(':memory:');
    applySqliteMigrations(db, ALL_MIGRATIONS, () => at(0));
    rules = new SqliteRuleRepository(db);
  });
  afterEach(() => db.close());

  const damage = (definition: string) =>
    db.prepare("UPDATE rules SET definition = ? WHERE id = 'r1'").run(definition);

  it('should keep the columns in step with the rule, times canonical', () => {
    const definition = parseRule(
      '"Tier0 Watch" when machine.tag = tier0 then require approval order 5 for 7d',
    );
    rules.insert(
      makeRule({
        definition,
        enabled: false,
        createdAt: '2026-01-01T10:00:00Z',
        updatedAt: '2026-01-01T10:01:00.0001234Z',
        expiresAt: '2026-01-08T10:00:00+00:00',
      }),
    );
    assert.deepEqual(db.prepare('SELECT * FROM rules').get(), {
      id: 'r1',
      name: 'Tier0 Watch',
      definition: JSON.stringify(definition),
      enabled: 0,
      created_by: 'ada',
      created_at: at(0),
      updated_at: at(1),
      expires_at: '2026-01-08T10:00:00.000Z',
      sort_order: 5,
      created_by_name: 'Ada Admin',
      name_key: 'tier0 watch',
    });
    assert.deepEqual(rules.get('r1'), {
      ...makeRule({ definition, enabled: false, updatedAt: at(1) }),
      expiresAt: '2026-01-08T10:00:00.000Z',
    });
  });

  it('should fail with STORE.CORRUPT_DATA, naming the row, on a definition that is damaged', () => {
    rules.insert(makeRule());
    const fine = makeRule().definition;
    const corrupt = {
      code: 'STORE.CORRUPT_DATA',
      details: { entity: 'rule', id: 'r1', column: 'definition' },
    };
    damage('{"name": "High sev isolate", ');
    assert.throws(() => rules.get('r1'), corrupt);
    damage(JSON.stringify({ ...fine, actions: [] }));
    assert.throws(() => rules.getByName('high sev isolate'), corrupt);
    damage(JSON.stringify({ ...fine, actions: [{ kind: 'selfDestruct' }] }));
    assert.throws(() => rules.list(), corrupt);
    damage(JSON.stringify({ ...fine, condition: 'severity = high' }));
    assert.throws(() => rules.get('r1'), corrupt);
    damage(JSON.stringify({ ...fine, condition: { op: '=' } }));
    assert.throws(() => rules.get('r1'), corrupt);
    damage(JSON.stringify({ ...fine, options: { stop: 'yes', dryRun: false } }));
    assert.throws(() => rules.get('r1'), corrupt);
  });

  it('should leave the condition tree to the domain, and keep keys it does not know', () => {
    rules.insert(makeRule());
    const definition = { ...makeRule().definition, condition: { kind: 'future', x: [1] }, extra: true };
    damage(JSON.stringify(definition));
    assert.deepEqual(rules.get('r1')?.definition, definition);
  });

  it('should name rules stored without an author name by their author id', () => {
    rules.insert(makeRule());
    db.prepare('UPDATE rules SET created_by_name = NULL').run();
    assert.deepEqual(rules.get('r1')?.createdBy, { aadObjectId: 'ada', name: 'ada' });
  });
});
