import assert from 'node:assert/strict';
import type { StoreContractContext } from './store-contract-context';
import { at, makeAction, makeAlert, makeRule, seedGroup } from './store-fixtures';

/** The contract of a durable store: what it kept is there after it is opened again. */
export function durabilityCases(ctx: StoreContractContext): void {
  const { hooks } = ctx;
  if (hooks.durable !== true) return;

  describe('durability', () => {
    it('should keep everything when opened again', async () => {
      const first = ctx.store();
      await first.transaction(async (tx) => {
        await seedGroup(tx, 'g1');
        await tx.alerts.setGroup('alert-of-g1', 'g1');
        await tx.cards.save({
          groupId: 'g1',
          channelId: 'c',
          threadId: 'c;messageid=1',
          activityId: '1',
          postedAt: at(1),
        });
        await tx.outbox.enqueue({ kind: 'updateCard', groupId: 'g1', at: at(1) });
        await tx.checkpoints.set('mde', { watermark: at(1), idsAtWatermark: ['alert-of-g1'] });
        await tx.conversations.upsert({
          id: 'c',
          kind: 'channel',
          tenantId: 't',
          reference: {},
          updatedAt: at(1),
        });
        await tx.settings.set('k', 'v');
        await tx.actions.insert(makeAction());
        await tx.rules.insert(makeRule({ expiresAt: at(30) }));
      });
      await first.close();
      const { repos } = await ctx.open();
      assert.equal((await repos.alerts.get('alert-of-g1'))?.groupId, 'g1');
      assert.deepEqual((await repos.folds.get('g1'))?.alertIds, ['alert-of-g1']);
      assert.equal((await repos.cards.get('g1'))?.activityId, '1');
      assert.equal(await repos.outbox.depth(), 1);
      assert.equal(await repos.outbox.enqueue({ kind: 'updateCard', groupId: 'g1', at: at(2) }), false);
      assert.deepEqual(await repos.checkpoints.get('mde'), {
        watermark: at(1),
        idsAtWatermark: ['alert-of-g1'],
      });
      assert.equal((await repos.conversations.list()).length, 1);
      assert.equal(await repos.settings.get('k'), 'v');
      assert.deepEqual(await repos.actions.get('act-1'), makeAction());
      assert.equal(await repos.actions.nextDue(), makeAction().nextCheckAt);
      assert.deepEqual(await repos.rules.getByName('HIGH SEV ISOLATE'), makeRule({ expiresAt: at(30) }));
    });

    it('should never give a rule number again, even after its rule is removed and the store reopened', async () => {
      const first = ctx.store();
      await first.repos.rules.insert(makeRule({ id: 'r1' }));
      await first.repos.rules.insert(
        makeRule({ id: 'r2', definition: { ...makeRule().definition, name: 'Two' } }),
      );
      assert.equal(await first.repos.rules.remove('r2'), true);
      await first.close();
      const second = await ctx.open();
      assert.equal(await second.repos.rules.nextNumber(), 3);
      assert.equal(await second.repos.rules.remove('r1'), true);
      await second.close();
      const { repos } = await ctx.open();
      assert.deepEqual(await repos.rules.list(), []);
      assert.equal(await repos.rules.nextNumber(), 3);
    });

    const { recordedMigrations, recordNewerSchemaVersion } = hooks;
    if (recordedMigrations) {
      it('should apply each migration once', async () => {
        const before = await recordedMigrations();
        assert.ok(before.length > 0);
        assert.deepEqual(
          before.map((m) => m.version),
          before.map((_, i) => i + 1),
        );
        await ctx.store().close();
        await ctx.open();
        assert.deepEqual(await recordedMigrations(), before);
      });
    }

    if (recordNewerSchemaVersion) {
      it('should refuse a database written by a newer Vigil', async () => {
        await ctx.store().repos.alerts.save(makeAlert(), at(0));
        await ctx.store().close();
        await recordNewerSchemaVersion();
        await assert.rejects(ctx.open(), { code: 'STORE.SCHEMA_TOO_NEW' });
      });
    }
  });
}
