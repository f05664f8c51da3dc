import assert from 'node:assert/strict';
import type { StoreContractContext } from './store-contract-context';

/** The contract of `SettingsRepository`. */
export function settingsRepositoryCases(ctx: StoreContractContext): void {
  describe('settings', () => {
    it('should keep the last value set for a key', async () => {
      const { settings } = ctx.store().repos;
      assert.equal(await settings.get('fold.threshold'), undefined);
      await settings.set('fold.threshold', '5');
      await settings.set('fold.window', '600000');
      await settings.set('fold.threshold', '8');
      assert.equal(await settings.get('fold.threshold'), '8');
      assert.equal(await settings.get('fold.window'), '600000');
    });
  });
}
