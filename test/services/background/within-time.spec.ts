import assert from 'node:assert/strict';
import { withinTime } from '../../../src/services/background/within-time';

describe('withinTime', () => {
  it('should give the answer that comes in time', async () => {
    assert.equal(await withinTime(Promise.resolve('tags'), 50), 'tags');
  });

  it('should give undefined for an answer that comes too late, or a failure', async () => {
    const late = new Promise<string>((resolve) => setTimeout(() => resolve('late'), 200));
    assert.equal(await withinTime(late, 20), undefined);
    assert.equal(await withinTime(Promise.reject(new Error('down')), 50), undefined);
  });
});
