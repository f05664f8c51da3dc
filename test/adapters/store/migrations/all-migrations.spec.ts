import assert from 'node:assert/strict';
import { ALL_MIGRATIONS } from '../../../../src/adapters/store/migrations/all-migrations';
import { POSTGRES_DIALECT, SQLITE_DIALECT } from '../../../../src/adapters/store/migrations/sql-dialect';

describe('ALL_MIGRATIONS', () => {
  it('should number migrations 1, 2, 3… with distinct kebab-case names', () => {
    assert.deepEqual(
      ALL_MIGRATIONS.map((m) => m.version),
      ALL_MIGRATIONS.map((_, i) => i + 1),
    );
    assert.equal(new Set(ALL_MIGRATIONS.map((m) => m.name)).size, ALL_MIGRATIONS.length);
    for (const m of ALL_MIGRATIONS) assert.match(m.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('should differ between SQLite and PostgreSQL only in the serial key words', () => {
    for (const m of ALL_MIGRATIONS) {
      const sqlite = m.statements(SQLITE_DIALECT).join('\n');
      const postgres = m.statements(POSTGRES_DIALECT).join('\n');
      assert.equal(
        postgres.replaceAll(POSTGRES_DIALECT.serialPrimaryKey, SQLITE_DIALECT.serialPrimaryKey),
        sqlite,
      );
    }
  });

  it('should use only portable column types', () => {
    const sql = ALL_MIGRATIONS.flatMap((m) => m.statements(SQLITE_DIALECT)).join('\n');
    const types = [...sql.matchAll(/^\s+[a-z_]+ ([A-Z]+)\b/gm)].map((match) => match[1]);
    const allowed = new Set(['TEXT', 'INTEGER']);
    assert.deepEqual(
      types.filter((t) => !allowed.has(t!)),
      [],
    );
  });
});
