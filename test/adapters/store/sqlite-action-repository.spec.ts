import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { applySqliteMigrations } from '../../../src/adapters/store/apply-sqlite-migrations';
import { ALL_MIGRATIONS } from '../../../src/adapters/store/migrations/all-migrations';
import { SqliteActionRepository } from '../../../src/adapters/store/sqlite-action-repository';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { at, makeAction } from './contract/store-fixtures';
import { useTempDatabasePath } from './temp-database-path';

describe('SqliteActionRepository', () => {
  let db: Database.Database;
  let actions: SqliteActionRepository;
  beforeEach(() => {
    db = new Database(':memory:');
    applySqliteMigrations(db, ALL_MIGRATIONS, () => at(0));
    actions = new SqliteActionRepository(db);
  });
  afterEach(() => db.close());

  const damage = (data: string) => db.prepare("UPDATE actions SET data = ? WHERE id = 'act-1'").run(data);

  it('should keep the query columns in step with the action, machine id lower case', () => {
    actions.insert(makeAction({ machineId: 'MaChInE-1', defenderActionId: 'mda-1', requestedAt: at(2) }));
    const row = db.prepare('SELECT * FROM actions').get();
    assert.deepEqual(row, {
      id: 'act-1',
      request_key: 'isolation:machine-1',
      kind: 'isolate',
      alert_id: 'da-1',
      machine_id: 'machine-1',
      requested_by: 'ana',
      tenant_id: 'tenant-1',
      status: 'queued',
      defender_action_id: 'mda-1',
      data: JSON.stringify(
        makeAction({ machineId: 'MaChInE-1', defenderActionId: 'mda-1', requestedAt: at(2) }),
      ),
      created_at: at(2),
      updated_at: at(0),
      next_check_at: at(1),
    });
  });

  it('should store times in their canonical form in the columns, as given in the JSON', () => {
    const action = makeAction({ nextCheckAt: '2026-01-01T10:01:00Z', requestedAt: '2026-01-01T10:00:00Z' });
    actions.insert(action);
    assert.deepEqual(db.prepare('SELECT created_at, next_check_at FROM actions').raw().get(), [at(0), at(1)]);
    assert.deepEqual(actions.get('act-1'), action);
    assert.equal(actions.nextDue(), at(1));
  });

  it('should fail with STORE.CORRUPT_DATA, naming the row, on JSON that is damaged', () => {
    actions.insert(makeAction());
    damage('{"id": "act-1", ');
    assert.throws(() => actions.get('act-1'), {
      code: 'STORE.CORRUPT_DATA',
      details: { entity: 'action', id: 'act-1', column: 'data' },
    });
    damage(JSON.stringify({ ...makeAction(), state: 'pondering' }));
    assert.throws(() => actions.getByKey('isolation:machine-1'), {
      code: 'STORE.CORRUPT_DATA',
      message: /at state/,
    });
    damage(JSON.stringify({ ...makeAction(), attempts: undefined }));
    assert.throws(() => actions.list({ limit: 10 }), { code: 'STORE.CORRUPT_DATA' });
  });

  it('should quarantine a damaged due row instead of letting it block the queue', () => {
    actions.insert(makeAction());
    damage(JSON.stringify({ ...makeAction(), attempts: undefined }));
    actions.insert(
      makeAction({
        id: 'act-2',
        requestKey: 'scan:machine-1',
        kind: 'scan',
        nextCheckAt: '2026-01-01T10:02:00Z',
      }),
    );
    assert.deepEqual(
      actions.claimDue(at(5), 10, at(6)).map((action) => action.id),
      ['act-2'],
    );
    assert.deepEqual(
      db.prepare("SELECT status, next_check_at, request_key FROM actions WHERE id = 'act-1'").raw().get(),
      ['failed', null, 'isolation:machine-1#damaged-act-1'],
    );
    assert.equal(actions.getByKey('isolation:machine-1'), undefined, 'the intent is free again');
  });

  it('should claim actions waiting to be sent before status checks that are due earlier', () => {
    actions.insert(makeAction({ id: 'act-1', state: 'inProgress', nextCheckAt: '2026-01-01T10:01:00Z' }));
    actions.insert(
      makeAction({
        id: 'act-2',
        requestKey: 'scan:machine-1',
        kind: 'scan',
        state: 'queued',
        nextCheckAt: '2026-01-01T10:03:00Z',
      }),
    );
    assert.deepEqual(
      actions.claimDue(at(5), 10, at(6)).map((action) => action.id),
      ['act-2', 'act-1'],
    );
  });

  it('should keep JSON keys it does not know', () => {
    actions.insert(makeAction());
    damage(JSON.stringify({ ...makeAction(), addedLater: 1 }));
    assert.deepEqual(actions.get('act-1'), { ...makeAction(), addedLater: 1 });
  });

  describe('in a store', () => {
    const path = useTempDatabasePath();

    it('should name the taken column in a conflict, for operators', async () => {
      const store = await openSqliteStore(path());
      try {
        await store.repos.actions.insert(makeAction());
        await assert.rejects(store.repos.actions.insert(makeAction({ id: 'act-2' })), {
          code: 'STORE.CONFLICT',
          details: { operation: 'actions.insert', sqliteCode: 'SQLITE_CONSTRAINT_UNIQUE' },
          message: /actions\.request_key/,
        });
        await assert.rejects(store.repos.actions.insert(makeAction({ requestKey: 'scan:machine-1' })), {
          code: 'STORE.CONFLICT',
          details: { operation: 'actions.insert', sqliteCode: 'SQLITE_CONSTRAINT_PRIMARYKEY' },
        });
      } finally {
        await store.close();
      }
    });

    it('should open on a schema without action tracking, failing only calls that need it', async () => {
      const store = await openSqliteStore(path(), { migrations: ALL_MIGRATIONS.slice(0, 2) });
      try {
        await store.repos.settings.set('k', 'v');
        await assert.rejects(store.repos.actions.nextDue(), { code: 'STORE.QUERY_FAILED' });
      } finally {
        await store.close();
      }
    });
  });
});
