import assert from 'node:assert/strict';
import type { StoreContractContext } from './store-contract-context';
import { at, makeAlert } from './store-fixtures';

/** The contract of `FoldRepository`. */
export function foldRepositoryCases(ctx: StoreContractContext): void {
  const saveAlerts = async (...ids: string[]) => {
    for (const id of ids) await ctx.store().repos.alerts.save(makeAlert({ id }), at(0));
  };

  describe('fold groups', () => {
    it('should create a group of its root alert', async () => {
      await saveAlerts('a1');
      const { folds } = ctx.store().repos;
      await folds.create({ id: 'g1', titleKey: 'mde:x', rootAlertId: 'a1', machineName: 'PC1', at: at(1) });
      assert.deepEqual(await folds.get('g1'), {
        id: 'g1',
        titleKey: 'mde:x',
        rootAlertId: 'a1',
        machineNames: ['PC1'],
        count: 1,
        alertIds: ['a1'],
        firstAlertAt: at(1),
        lastAlertAt: at(1),
      });
      assert.equal(await folds.get('g2'), undefined);
    });

    it('should add alerts oldest first, counting each once and each machine once', async () => {
      await saveAlerts('a1', 'a2', 'a3', 'a4');
      const { folds } = ctx.store().repos;
      await folds.create({ id: 'g1', titleKey: 'mde:x', rootAlertId: 'a1', at: at(1) });
      await folds.add('g1', 'a2', 'PC1', at(3));
      await folds.add('g1', 'a3', 'pc1', at(2));
      await folds.add('g1', 'a4', 'PC2', at(4));
      await folds.add('g1', 'a2', 'PC1', at(9));
      const group = await folds.get('g1');
      assert.deepEqual(group?.alertIds, ['a1', 'a2', 'a3', 'a4']);
      assert.equal(group?.count, 4);
      assert.deepEqual(group?.machineNames, ['PC1', 'PC2']);
      assert.equal(group?.lastAlertAt, at(4));
      assert.equal(group?.firstAlertAt, at(1));
    });

    it('should refuse to add to a group that does not exist', async () => {
      await saveAlerts('a1');
      await assert.rejects(ctx.store().repos.folds.add('nope', 'a1', undefined, at(0)), {
        code: 'STORE.NOT_FOUND',
      });
    });

    it('should find open groups by title key and latest alert, newest first', async () => {
      await saveAlerts('a1', 'a2', 'a3', 'a4');
      const { folds } = ctx.store().repos;
      await folds.create({ id: 'old', titleKey: 'mde:x', rootAlertId: 'a1', at: at(1) });
      await folds.create({ id: 'edge', titleKey: 'mde:x', rootAlertId: 'a2', at: at(5) });
      await folds.create({ id: 'late', titleKey: 'mde:x', rootAlertId: 'a3', at: at(8) });
      await folds.create({ id: 'other', titleKey: 'mde:y', rootAlertId: 'a4', at: at(9) });
      assert.deepEqual(
        (await folds.openGroups('mde:x', at(5))).map((g) => g.id),
        ['late', 'edge'],
      );
      assert.deepEqual(await folds.openGroups('mde:z', at(0)), []);
      await folds.add('old', 'a4', undefined, at(10));
      assert.deepEqual(
        (await folds.openGroups('mde:x', at(5))).map((g) => g.id),
        ['old', 'late', 'edge'],
      );
    });
  });
}
