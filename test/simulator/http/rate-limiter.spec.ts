import assert from 'node:assert/strict';
import { RateLimiter } from '../../../src/simulator/http/rate-limiter';

describe('RateLimiter', () => {
  it('should allow 100 MDE calls a minute and refuse the 101st with the wait until a slot frees', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 100; i += 1) assert.equal(limiter.check('mde', 1_000 + i * 10, 1).allowed, true);
    const refused = limiter.check('mde', 2_000, 1);
    assert.equal(refused.allowed, false);
    assert.equal(refused.retryAfterS, 59);
    assert.equal(refused.limitHit, '100 calls per 60 seconds');
    assert.equal(limiter.check('mde', 61_001, 1).allowed, true);
  });

  it('should enforce the hourly limit once the minute windows have passed', () => {
    const limiter = new RateLimiter();
    let t = 0;
    for (let minute = 0; minute < 15; minute += 1) {
      for (let i = 0; i < 100; i += 1) assert.equal(limiter.check('mde', t + i, 1).allowed, true);
      t += 60_000;
    }
    const refused = limiter.check('mde', t, 1);
    assert.equal(refused.allowed, false);
    assert.equal(refused.limitHit, '1500 calls per 3600 seconds');
  });

  it('should keep separate budgets per family, with 45 hunting calls a minute', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 45; i += 1) assert.equal(limiter.check('hunting', i, 1).allowed, true);
    assert.equal(limiter.check('hunting', 50, 1).allowed, false);
    assert.equal(limiter.check('mde', 50, 1).allowed, true);
    assert.equal(limiter.check('none', 50, 1).allowed, true);
  });

  it('should shrink the windows by the time scale', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 10; i += 1) assert.equal(limiter.check('mde-batch', i, 0.01).allowed, true);
    assert.equal(limiter.check('mde-batch', 100, 0.01).allowed, false);
    assert.equal(limiter.check('mde-batch', 601, 0.01).allowed, true);
  });
});
