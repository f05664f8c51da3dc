import assert from 'node:assert/strict';
import type { ChainedAuditContent } from '../../../../src/domain/audit/audit-entry';
import type { StoreContractContext } from './store-contract-context';

const entry = (n: number, target: string | null = `alert-${n}`): ChainedAuditContent => ({
  at: `2026-03-02T09:00:0${n}.000Z`,
  tenantId: n === 1 ? null : 'tenant-1',
  actor: { aadObjectId: 'ana', name: 'Ana Admin' },
  action: 'alert.isolate',
  target,
  outcome: n === 2 ? 'refused' : 'succeeded',
  details: { n, nested: { list: [1, 'two'] } },
  prevHash: n === 1 ? null : `hash-${n - 1}`,
  hash: `hash-${n}`,
});

/** The contract of `AuditRepository`. */
export function auditRepositoryCases(ctx: StoreContractContext): void {
  describe('audit', () => {
    it('should keep every field of an appended entry, numbering entries in order', async () => {
      const { audit } = ctx.store().repos;
      assert.equal(await audit.last(), undefined);
      const first = await audit.append(entry(1));
      const second = await audit.append(entry(2, null));
      assert.deepEqual(first, { id: first.id, ...entry(1) });
      assert.deepEqual(second, { id: second.id, ...entry(2, null) });
      assert.ok(second.id > first.id);
      assert.deepEqual(await audit.last(), second);
      assert.deepEqual(await audit.all(), [first, second]);
    });

    it('should list the newest entries first, by target and up to a limit', async () => {
      const { audit } = ctx.store().repos;
      for (const n of [1, 2, 3, 4]) await audit.append(entry(n, n % 2 === 0 ? 'alert-even' : 'alert-odd'));
      assert.deepEqual(
        (await audit.list({ limit: 3 })).map((e) => e.hash),
        ['hash-4', 'hash-3', 'hash-2'],
      );
      assert.deepEqual(
        (await audit.list({ target: 'alert-odd', limit: 20 })).map((e) => e.hash),
        ['hash-3', 'hash-1'],
      );
      assert.deepEqual(await audit.list({ target: 'nothing', limit: 20 }), []);
    });

    it('should drop an entry appended in a transaction that fails', async () => {
      const store = ctx.store();
      await store.repos.audit.append(entry(1));
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.audit.append(entry(2));
          throw new Error('the change failed');
        }),
      );
      assert.deepEqual(
        (await store.repos.audit.all()).map((e) => e.hash),
        ['hash-1'],
      );
    });
  });
}
