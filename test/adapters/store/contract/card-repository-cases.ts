import assert from 'node:assert/strict';
import type { CardRecord } from '../../../../src/services/ports/store.port';
import type { StoreContractContext } from './store-contract-context';
import { at, seedGroup } from './store-fixtures';

const card = (groupId: string, activityId: string): CardRecord => ({
  groupId,
  channelId: '19:soc@thread.tacv2',
  threadId: `19:soc@thread.tacv2;messageid=${activityId}`,
  activityId,
  postedAt: at(1),
});

/** The contract of `CardRepository`. */
export function cardRepositoryCases(ctx: StoreContractContext): void {
  describe('cards', () => {
    it('should keep where a group card lives, one per group', async () => {
      const { repos } = ctx.store();
      await seedGroup(repos, 'g1');
      await seedGroup(repos, 'g2');
      assert.equal(await repos.cards.get('g1'), undefined);
      await repos.cards.save(card('g1', '111'));
      await repos.cards.save(card('g2', '222'));
      await repos.cards.save(card('g1', '333'));
      assert.deepEqual(await repos.cards.get('g1'), card('g1', '333'));
      assert.equal(await repos.cards.count(), 2);
    });

    it('should refuse a card for a group that does not exist', async () => {
      await assert.rejects(ctx.store().repos.cards.save(card('nope', '1')), {
        code: 'STORE.REFERENCE_MISSING',
      });
    });
  });
}
