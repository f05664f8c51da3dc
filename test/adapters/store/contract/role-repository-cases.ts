import assert from 'node:assert/strict';
import type { RoleGrant } from '../../../../src/services/ports/store.port';
import type { StoreContractContext } from './store-contract-context';

const grant = (aadObjectId: string, role: RoleGrant['role'], tenantId = 'tenant-1'): RoleGrant => ({
  tenantId,
  aadObjectId,
  role,
  grantedBy: 'ana',
  grantedAt: '2026-03-02T09:00:00.000Z',
});

/** The contract of `RoleRepository`. */
export function roleRepositoryCases(ctx: StoreContractContext): void {
  describe('roles', () => {
    it('should keep one role per tenant and identity, the last one set', async () => {
      const { roles } = ctx.store().repos;
      assert.equal(await roles.get('tenant-1', 'bob'), undefined);
      await roles.set(grant('bob', 'responder'));
      await roles.set({ ...grant('bob', 'admin'), grantedBy: 'cy', grantedAt: '2026-03-02T10:00:00.000Z' });
      assert.deepEqual(await roles.get('tenant-1', 'bob'), {
        ...grant('bob', 'admin'),
        grantedBy: 'cy',
        grantedAt: '2026-03-02T10:00:00.000Z',
      });
    });

    it('should keep tenants apart', async () => {
      const { roles } = ctx.store().repos;
      await roles.set(grant('bob', 'admin', 'tenant-1'));
      await roles.set(grant('bob', 'viewer', 'tenant-2'));
      await roles.set(grant('al', 'responder', 'tenant-1'));
      assert.equal((await roles.get('tenant-2', 'bob'))?.role, 'viewer');
      assert.deepEqual(
        (await roles.list('tenant-1')).map((g) => [g.aadObjectId, g.role]),
        [
          ['al', 'responder'],
          ['bob', 'admin'],
        ],
      );
    });

    it('should remove a grant and say whether there was one', async () => {
      const { roles } = ctx.store().repos;
      await roles.set(grant('bob', 'responder'));
      assert.equal(await roles.remove('tenant-1', 'bob'), true);
      assert.equal(await roles.remove('tenant-1', 'bob'), false);
      assert.equal(await roles.get('tenant-1', 'bob'), undefined);
    });
  });
}
