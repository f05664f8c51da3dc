import assert from 'node:assert/strict';
import { AsyncMutex } from '../../../src/adapters/store/async-mutex';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('AsyncMutex', () => {
  it('should run work one at a time, in the order it came', async () => {
    const mutex = new AsyncMutex();
    const events: string[] = [];
    const job = (name: string) =>
      mutex.run(async () => {
        events.push(`${name} start`);
        await tick();
        events.push(`${name} end`);
        return name;
      });
    assert.deepEqual(await Promise.all([job('a'), job('b'), job('c')]), ['a', 'b', 'c']);
    assert.deepEqual(events, ['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('should pass on a failure and go on with the next work', async () => {
    const mutex = new AsyncMutex();
    const failing = mutex.run(async () => {
      throw new Error('boom');
    });
    const next = mutex.run(() => 'next');
    await assert.rejects(failing, /boom/);
    assert.equal(await next, 'next');
  });
});
