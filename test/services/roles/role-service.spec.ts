import assert from 'node:assert/strict';
import { sha256Hex } from '../../../src/adapters/audit/sha256-hex';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { verifyChain } from '../../../src/domain/audit/chain';
import { createAuditLog } from '../../../src/services/audit/audit-log';
import type { Store } from '../../../src/services/ports/store.port';
import { createRoleService, type Person, type RoleService } from '../../../src/services/roles/role-service';

const T = 'tenant-1';
const BOOT: Person = { tenantId: T, aadObjectId: 'BOOT', name: 'Boot Admin' };
const BOB: Person = { tenantId: T, aadObjectId: 'bob', name: 'Bob' };
const CY: Person = { tenantId: T, aadObjectId: 'cy', name: 'Cy' };

describe('RoleService', () => {
  let store: Store;
  let roles: RoleService;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    const clock = { now: () => Date.UTC(2026, 2, 2, 9) };
    roles = createRoleService({
      store,
      clock,
      audit: createAuditLog({ store, clock, hash: sha256Hex }),
      isConfiguredAdmin: (tenantId, id) => tenantId === T && id === 'boot',
    });
  });
  afterEach(() => store.close());

  const audited = async () =>
    (await store.repos.audit.all()).map((e) => [
      e.action,
      e.actor.aadObjectId,
      e.target,
      e.outcome,
      e.details,
    ]);

  it('should make configured admins admins, and anyone else a viewer until granted', async () => {
    assert.equal(await roles.roleOf(BOOT), 'admin');
    assert.equal(await roles.roleOf({ ...BOOT, tenantId: 'other' }), 'viewer');
    assert.equal(await roles.roleOf(BOB), 'viewer');
    assert.equal(await roles.roleOf({ tenantId: T, name: 'No Id' }), 'viewer');
    assert.equal(await roles.can(BOB, 'alert.act'), false);
  });

  it('should let an admin grant and revoke, lower-casing ids, auditing each change', async () => {
    assert.deepEqual(await roles.grant(BOOT, 'BOB', 'responder'), {
      ok: true,
      before: 'viewer',
      after: 'responder',
    });
    assert.equal(await roles.roleOf(BOB), 'responder');
    assert.equal(await roles.can(BOB, 'alert.act'), true);
    assert.equal((await roles.list(T))[0]?.grantedBy, 'boot');
    assert.deepEqual(await roles.revoke(BOOT, 'bob'), { ok: true, before: 'responder', after: 'viewer' });
    assert.equal(await roles.roleOf(BOB), 'viewer');
    assert.deepEqual(await audited(), [
      ['role.grant', 'boot', 'bob', 'succeeded', { before: 'viewer', after: 'responder' }],
      ['role.revoke', 'boot', 'bob', 'succeeded', { before: 'responder', after: 'viewer' }],
    ]);
    assert.equal(verifyChain(await store.repos.audit.all(), sha256Hex), undefined);
  });

  it('should refuse a change by a non-admin, changing nothing but the audit log', async () => {
    await roles.grant(BOOT, 'bob', 'responder');
    assert.deepEqual(await roles.grant(BOB, 'bob', 'admin'), { ok: false, reason: 'not-admin' });
    assert.deepEqual(await roles.revoke(BOB, 'cy'), { ok: false, reason: 'not-admin' });
    assert.equal(await roles.roleOf(BOB), 'responder');
    assert.deepEqual((await audited()).slice(1), [
      ['role.grant', 'bob', 'bob', 'refused', { reason: 'not-admin', role: 'admin' }],
      ['role.revoke', 'bob', 'cy', 'refused', { reason: 'not-admin' }],
    ]);
  });

  it('should let a granted admin manage roles', async () => {
    await roles.grant(BOOT, 'bob', 'admin');
    assert.equal((await roles.grant(BOB, 'cy', 'responder')).ok, true);
    assert.equal(await roles.roleOf(CY), 'responder');
  });

  it('should never take away the last admin, and let one go when another remains', async () => {
    await roles.grant(BOOT, 'bob', 'admin');
    assert.deepEqual(await roles.revoke(BOB, 'bob'), { ok: false, reason: 'last-admin' });
    assert.deepEqual(await roles.grant(BOB, 'bob', 'responder'), { ok: false, reason: 'last-admin' });
    assert.equal(await roles.roleOf(BOB), 'admin');
    await roles.grant(BOB, 'cy', 'admin');
    assert.equal((await roles.revoke(BOB, 'bob')).ok, true);
    assert.equal(await roles.roleOf(BOB), 'viewer');
    assert.equal(await roles.roleOf(CY), 'admin');
  });

  it('should leave configured admins to the configuration', async () => {
    await roles.grant(BOOT, 'bob', 'admin');
    assert.deepEqual(await roles.revoke(BOB, 'boot'), { ok: false, reason: 'configured-admin' });
    assert.equal(await roles.roleOf(BOOT), 'admin');
  });
});
