import assert from 'node:assert/strict';
import { sha256Hex } from '../../../src/adapters/audit/sha256-hex';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { canonicalEntry, verifyChain } from '../../../src/domain/audit/chain';
import { createAuditLog } from '../../../src/services/audit/audit-log';
import type { Store } from '../../../src/services/ports/store.port';

const ANA = { aadObjectId: 'ana', name: 'Ana Admin' };

describe('AuditLog', () => {
  let store: Store;
  let now: number;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    now = Date.UTC(2026, 2, 2, 9);
  });
  afterEach(() => store.close());

  const log = () => createAuditLog({ store, clock: { now: () => now }, hash: sha256Hex });

  it("should write who did what to what, when, and how it ended, at the clock's time", async () => {
    const entry = await log().record({
      tenantId: 't1',
      actor: ANA,
      action: 'alert.isolate',
      target: 'da-1',
      outcome: 'succeeded',
      details: { machine: 'pc-042' },
    });
    assert.equal(entry.at, '2026-03-02T09:00:00.000Z');
    assert.equal(entry.prevHash, null);
    assert.equal(entry.hash, sha256Hex(canonicalEntry(entry)));
    assert.deepEqual(await store.repos.audit.all(), [entry]);
  });

  it('should chain each entry to the previous one, even when recorded concurrently', async () => {
    const audit = log();
    await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        audit.record({
          tenantId: 't1',
          actor: ANA,
          action: 'command.help',
          target: `n${n}`,
          outcome: 'succeeded',
        }),
      ),
    );
    const all = await store.repos.audit.all();
    assert.equal(all.length, 12);
    assert.equal(verifyChain(all, sha256Hex), undefined);
  });

  it("should keep an entry recorded in a transaction only if the transaction's change is kept", async () => {
    const audit = log();
    await assert.rejects(
      store.transaction(async (tx) => {
        await audit.record({ tenantId: 't1', actor: ANA, action: 'role.grant', outcome: 'succeeded' }, tx);
        throw new Error('the change failed');
      }),
    );
    assert.deepEqual(await store.repos.audit.all(), []);
    await store.transaction((tx) =>
      audit.record({ tenantId: 't1', actor: ANA, action: 'role.grant', outcome: 'succeeded' }, tx),
    );
    assert.equal((await audit.recent({ limit: 20 })).length, 1);
  });

  it('should give the newest entries first, by target', async () => {
    const audit = log();
    for (const target of ['a', 'b', 'a']) {
      now += 1000;
      await audit.record({ tenantId: 't1', actor: ANA, action: 'x', target, outcome: 'succeeded' });
    }
    const forA = await audit.recent({ target: 'a', limit: 20 });
    assert.deepEqual(
      forA.map((e) => e.at),
      ['2026-03-02T09:00:03.000Z', '2026-03-02T09:00:01.000Z'],
    );
  });
});
