import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sha256Hex } from '../../src/adapters/audit/sha256-hex';
import { openSqliteStore } from '../../src/adapters/store/sqlite-store';
import { createAuditLog } from '../../src/services/audit/audit-log';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'audit-verify.ts');

describe('npm run audit:verify (scripts/audit-verify.ts)', function () {
  this.timeout(60_000);
  let dir: string;
  let db: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-audit-'));
    db = join(dir, 'vigil.db');
    const store = await openSqliteStore(db);
    let now = Date.UTC(2026, 2, 2, 9);
    const audit = createAuditLog({ store, clock: { now: () => (now += 1000) }, hash: sha256Hex });
    for (const target of ['da-1', 'da-2', 'da-3', 'da-4']) {
      await audit.record({
        tenantId: 't1',
        actor: { aadObjectId: 'ana', name: 'Ana Admin' },
        action: 'alert.isolate',
        target,
        outcome: 'succeeded',
        details: { machine: 'pc-042' },
      });
    }
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], env: Record<string, string> = {}) {
    const { VIGIL_DB: _ignored, ...rest } = process.env;
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), SCRIPT, ...args], {
      cwd: dir,
      env: { ...rest, ...env },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function edit(sql: string): void {
    const raw = new Database(db);
    try {
      raw.prepare(sql).run();
    } finally {
      raw.close();
    }
  }

  it('should print OK with the entry count for an intact log, from --db or VIGIL_DB', () => {
    const byFlag = run(['--db', db]);
    assert.equal(byFlag.code, 0, byFlag.stderr);
    assert.match(byFlag.stdout, /^OK: 4 audit entries, chain intact, last entry 4, hash [0-9a-f]{64}\n$/);
    const byEnv = run([], { VIGIL_DB: db });
    assert.equal(byEnv.code, 0, byEnv.stderr);
  });

  it('should name an entry whose details were edited, and exit 1', () => {
    edit(`UPDATE audit SET details = replace(details, 'pc-042', 'pc-999') WHERE id = 2`);
    const result = run(['--db', db]);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /^BROKEN: Entry 2 was edited: its hash does not match\. \(hash-mismatch, entry 2\)/,
    );
  });

  it('should name the entry after a removed one, and exit 1', () => {
    edit('DELETE FROM audit WHERE id = 3');
    const result = run(['--db', db]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^BROKEN: Entry 4 does not follow the entry before it/);
  });

  it('should exit 2 when there is nothing to check or the arguments are wrong', () => {
    assert.equal(run(['--db', join(dir, 'missing.db')]).code, 2);
    assert.match(run(['--bogus']).stderr, /^usage: npm run audit:verify/);
  });
});
