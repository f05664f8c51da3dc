import assert from 'node:assert/strict';
import { openStore } from '../../../src/adapters/store/open-store';
import { StoreError } from '../../../src/adapters/store/store-error';
import { useTempDatabasePath } from './temp-database-path';

describe('openStore', () => {
  const path = useTempDatabasePath();

  for (const url of ['postgres://vigil:s3cret@db:5432/vigil', 'PostgreSQL://vigil:s3cret@db/vigil']) {
    it(`should say PostgreSQL is not available yet for ${url.split(':')[0]} URLs, without the URL`, async () => {
      const error = await openStore(url).then(
        () => assert.fail('expected a failure'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof StoreError);
      assert.equal(error.code, 'STORE.POSTGRES_NOT_AVAILABLE');
      assert.match(error.friendlyMessage, /PostgreSQL support arrives in a later release/);
      assert.doesNotMatch(`${error.message} ${JSON.stringify(error.details)}`, /s3cret/);
    });
  }

  it('should open a SQLite file for anything else', async () => {
    const store = await openStore(path());
    await store.repos.settings.set('k', 'v');
    await store.close();
    const again = await openStore(path());
    assert.equal(await again.repos.settings.get('k'), 'v');
    await again.close();
  });
});
