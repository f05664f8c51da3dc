import assert from 'node:assert/strict';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import type { Store } from '../../../src/services/ports/store.port';
import { createSocChannel, SOC_CHANNEL_SETTING } from '../../../src/services/teams/soc-channel';

describe('createSocChannel', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
  });
  afterEach(() => store.close());

  it('should know no channel when none is configured or chosen', async () => {
    assert.equal(await createSocChannel({ settings: store.repos.settings }).get(), undefined);
  });

  it('should fall back to SOC_CHANNEL_ID', async () => {
    const soc = createSocChannel({ settings: store.repos.settings, configuredId: '19:conf@thread.tacv2' });
    assert.equal(await soc.get(), '19:conf@thread.tacv2');
  });

  it('should prefer the channel chosen in Teams, kept in the settings', async () => {
    const soc = createSocChannel({ settings: store.repos.settings, configuredId: '19:conf@thread.tacv2' });
    await soc.set('19:chosen@thread.tacv2');
    assert.equal(await soc.get(), '19:chosen@thread.tacv2');
    assert.equal(await store.repos.settings.get(SOC_CHANNEL_SETTING), '19:chosen@thread.tacv2');
    const afterRestart = createSocChannel({ settings: store.repos.settings });
    assert.equal(await afterRestart.get(), '19:chosen@thread.tacv2');
  });

  it('should refuse an empty channel id', async () => {
    const soc = createSocChannel({ settings: store.repos.settings });
    await assert.rejects(soc.set('  '), TypeError);
  });
});
