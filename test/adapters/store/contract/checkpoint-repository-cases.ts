import assert from 'node:assert/strict';
import type { StoreContractContext } from './store-contract-context';

/** The contract of `CheckpointRepository`. */
export function checkpointRepositoryCases(ctx: StoreContractContext): void {
  describe('checkpoints', () => {
    it('should return nothing for a poller that never saved', async () => {
      assert.equal(await ctx.store().repos.checkpoints.get('mde'), undefined);
    });

    it('should keep a checkpoint exactly, by name, the last one saved', async () => {
      const { checkpoints } = ctx.store().repos;
      await checkpoints.set('mde', { watermark: null, idsAtWatermark: [] });
      await checkpoints.set('mcas', { watermark: '2026-01-01T10:00:00Z', idsAtWatermark: ['x'] });
      const latest = { watermark: '2026-01-01T10:00:00.1234567Z', idsAtWatermark: ['da1', 'da2'] };
      await checkpoints.set('mde', latest);
      assert.deepEqual(await checkpoints.get('mde'), latest);
      assert.deepEqual(await checkpoints.get('mcas'), {
        watermark: '2026-01-01T10:00:00Z',
        idsAtWatermark: ['x'],
      });
    });
  });
}
