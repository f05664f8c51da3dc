import assert from 'node:assert/strict';
import type { AlertListQuery } from '../../../../src/services/ports/store.port';
import type { StoreContractContext } from './store-contract-context';
import { at, makeAlert, seedGroup } from './store-fixtures';

/** The contract of `AlertRepository`. */
export function alertRepositoryCases(ctx: StoreContractContext): void {
  describe('alerts', () => {
    it('should return nothing for an alert it does not hold', async () => {
      assert.equal(await ctx.store().repos.alerts.get('nope'), undefined);
    });

    it('should keep an alert exactly, with when it was first seen and no group yet', async () => {
      const { alerts } = ctx.store().repos;
      const alert = makeAlert({
        updatedAt: '2026-01-01T10:00:00.1234567Z',
        comments: [{ text: 'hi', createdAt: at(1) }],
      });
      assert.equal(await alerts.save(alert, at(2)), undefined);
      assert.deepEqual(await alerts.get(alert.id), { alert, firstSeenAt: at(2), groupId: null });
    });

    it('should return the version a save replaced, keeping the first sighting and the group', async () => {
      const { repos } = ctx.store();
      await seedGroup(repos, 'g1');
      const first = makeAlert({ id: 'a1' });
      await repos.alerts.save(first, at(1));
      await repos.alerts.setGroup('a1', 'g1');
      const second = makeAlert({ id: 'a1', status: 'inProgress', updatedAt: at(5) });
      assert.deepEqual(await repos.alerts.save(second, at(6)), {
        alert: first,
        firstSeenAt: at(1),
        groupId: 'g1',
      });
      assert.deepEqual(await repos.alerts.get('a1'), { alert: second, firstSeenAt: at(1), groupId: 'g1' });
      assert.equal(await repos.alerts.count(), 2);
    });

    it('should refuse to put an unknown alert in a group', async () => {
      const { repos } = ctx.store();
      await seedGroup(repos, 'g1');
      await assert.rejects(repos.alerts.setGroup('nope', 'g1'), { code: 'STORE.NOT_FOUND' });
    });

    it('should refuse to put an alert in a group that does not exist', async () => {
      const { alerts } = ctx.store().repos;
      await alerts.save(makeAlert({ id: 'a1' }), at(0));
      await assert.rejects(alerts.setGroup('a1', 'no-such-group'), { code: 'STORE.REFERENCE_MISSING' });
    });

    it('should refuse a time that is not ISO-8601', async () => {
      const alert = makeAlert({ createdAt: 'yesterday' });
      await assert.rejects(ctx.store().repos.alerts.save(alert, at(0)), { code: 'STORE.INVALID_TIME' });
    });

    listCases(ctx);
    machineCases(ctx);
  });
}

function machineCases(ctx: StoreContractContext): void {
  const onMachine = (id: string, minute: number, machineId: string, overrides = {}) =>
    makeAlert({ id, createdAt: at(minute), machine: { id: machineId, name: 'pc-finance-01' }, ...overrides });
  const openIds = async (machineId: string, limit = 10) =>
    (await ctx.store().repos.alerts.listOpenOnMachine(machineId, limit)).map((s) => s.alert.id);

  it("should list a machine's open alerts by its id in any case, newest first, up to a limit", async () => {
    const { alerts } = ctx.store().repos;
    await alerts.save(onMachine('old', 1, 'ABC123'), at(1));
    await alerts.save(onMachine('resolved', 2, 'abc123', { status: 'resolved' }), at(2));
    await alerts.save(onMachine('busy', 3, 'Abc123', { status: 'inProgress' }), at(3));
    await alerts.save(onMachine('other', 4, 'def456'), at(4));
    await alerts.save(
      makeAlert({ id: 'cloud', source: 'mcas', machine: undefined, createdAt: at(5) }),
      at(5),
    );
    await alerts.save(onMachine('new', 6, 'abc123'), at(6));
    assert.deepEqual(await openIds('aBc123'), ['new', 'busy', 'old']);
    assert.deepEqual(await openIds('ABC123', 2), ['new', 'busy']);
    assert.deepEqual(await openIds('abc123', 0), []);
    assert.deepEqual(await openIds('DEF456'), ['other']);
    assert.deepEqual(await openIds('nothing'), []);
    const listed = await alerts.listOpenOnMachine('abc123', 1);
    assert.deepEqual(listed, [await alerts.get('new')]);
    await assert.rejects(openIds('abc123', -1), { code: 'STORE.INVALID_QUERY' });
  });

  it('should follow an alert saved again resolved, or on another machine', async () => {
    const { alerts } = ctx.store().repos;
    await alerts.save(onMachine('a1', 1, 'abc123'), at(1));
    await alerts.save(onMachine('a2', 2, 'abc123'), at(2));
    await alerts.save(onMachine('a1', 1, 'abc123', { status: 'resolved', updatedAt: at(3) }), at(3));
    await alerts.save(onMachine('a2', 2, 'DEF456', { updatedAt: at(3) }), at(3));
    assert.deepEqual(await openIds('abc123'), []);
    assert.deepEqual(await openIds('def456'), ['a2']);
  });
}

function listCases(ctx: StoreContractContext): void {
  const seed = async () => {
    const { alerts } = ctx.store().repos;
    await alerts.save(makeAlert({ id: 'low-new', severity: 'low', createdAt: at(1) }), at(1));
    await alerts.save(makeAlert({ id: 'high-resolved', status: 'resolved', createdAt: at(2) }), at(2));
    await alerts.save(
      makeAlert({ id: 'medium-progress', severity: 'medium', status: 'inProgress', createdAt: at(3) }),
      at(3),
    );
    await alerts.save(makeAlert({ id: 'info-new', severity: 'informational', createdAt: at(4) }), at(4));
  };
  const ids = async (query: AlertListQuery) =>
    (await ctx.store().repos.alerts.list(query)).map((s) => s.alert.id);

  it('should list alerts newest first', async () => {
    await seed();
    assert.deepEqual(await ids({}), ['info-new', 'medium-progress', 'high-resolved', 'low-new']);
    assert.equal(await ctx.store().repos.alerts.count(), 4);
  });

  it('should list alerts by status, minimum severity and creation time', async () => {
    await seed();
    assert.deepEqual(await ids({ statuses: ['new', 'inProgress'] }), [
      'info-new',
      'medium-progress',
      'low-new',
    ]);
    assert.deepEqual(await ids({ minSeverity: 'medium' }), ['medium-progress', 'high-resolved']);
    assert.deepEqual(await ids({ createdSince: at(3) }), ['info-new', 'medium-progress']);
    assert.deepEqual(await ids({ statuses: ['new'], minSeverity: 'low', createdSince: at(0) }), ['low-new']);
    assert.deepEqual(await ids({ statuses: [] }), []);
  });

  it('should list alerts page by page', async () => {
    await seed();
    assert.deepEqual(await ids({ limit: 2 }), ['info-new', 'medium-progress']);
    assert.deepEqual(await ids({ limit: 2, offset: 2 }), ['high-resolved', 'low-new']);
    assert.deepEqual(await ids({ offset: 3 }), ['low-new']);
    await assert.rejects(ids({ limit: -1 }), { code: 'STORE.INVALID_QUERY' });
  });
}
