import assert from 'node:assert/strict';
import { parseRetryAfter } from '../../../src/adapters/defender/parse-retry-after';
import { RetryPolicy } from '../../../src/adapters/defender/retry-policy';

describe('RetryPolicy', () => {
  const policy = (random: () => number, maxRetries = 4) => new RetryPolicy({ maxRetries, random });

  it('should wait at least the Retry-After of a 429, given in seconds', () => {
    const decision = policy(() => 0.999).decide(0, 'rate-limited', 'safe', parseRetryAfter('2', 0));
    assert.equal(decision.retry, true);
    assert.ok(
      decision.retry && decision.delayMs >= 2000 && decision.delayMs < 2500,
      JSON.stringify(decision),
    );
    const low = policy(() => 0).decide(0, 'rate-limited', 'safe', 2000);
    assert.deepEqual(low, { retry: true, delayMs: 2000 });
  });

  it('should wait at least the Retry-After of a 429, given as an HTTP date', () => {
    const now = Date.parse('Wed, 01 May 2024 10:00:00 GMT');
    const retryAfterMs = parseRetryAfter('Wed, 01 May 2024 10:00:05 GMT', now);
    assert.equal(retryAfterMs, 5000);
    const decision = policy(() => 0).decide(3, 'rate-limited', 'if-not-acted', retryAfterMs);
    assert.deepEqual(decision, { retry: true, delayMs: 5000 });
  });

  it('should also repeat a 429 without Retry-After, after at least the base delay', () => {
    const decision = policy(() => 0).decide(0, 'rate-limited', 'safe');
    assert.deepEqual(decision, { retry: true, delayMs: 500 });
  });

  it('should give up at once when Retry-After asks for longer than a minute', () => {
    assert.deepEqual(policy(() => 0).decide(0, 'rate-limited', 'safe', 3_600_000), { retry: false });
  });

  it('should keep full-jitter backoff within [0, min(cap, base·2^n))', () => {
    const top = policy(() => 0.999999);
    const bottom = policy(() => 0);
    for (let n = 0; n < 12; n += 1) {
      const ceiling = Math.min(30_000, 500 * 2 ** n);
      assert.equal(bottom.backoffMs(n), 0);
      assert.ok(top.backoffMs(n) < ceiling && top.backoffMs(n) >= ceiling - 1, `n=${n}`);
    }
    const half = policy(() => 0.5);
    assert.deepEqual(half.decide(2, 'server-error', 'safe'), { retry: true, delayMs: 1000 });
  });

  it('should give up after maxRetries repeats', () => {
    const p = policy(() => 0.5, 2);
    assert.equal(p.decide(0, 'timeout', 'safe').retry, true);
    assert.equal(p.decide(1, 'timeout', 'safe').retry, true);
    assert.deepEqual(p.decide(2, 'timeout', 'safe'), { retry: false });
  });

  it('should never repeat a final failure (4xx, 501)', () => {
    assert.deepEqual(policy(() => 0.5).decide(0, 'final', 'safe'), { retry: false });
  });

  it('should repeat a call that creates something only when Defender certainly did not act', () => {
    const p = policy(() => 0.5);
    assert.equal(p.decide(0, 'rate-limited', 'if-not-acted').retry, true);
    assert.equal(p.decide(0, 'refused', 'if-not-acted').retry, true);
    assert.equal(p.decide(0, 'timeout', 'if-not-acted').retry, false);
    assert.equal(p.decide(0, 'reset', 'if-not-acted').retry, false);
    assert.equal(p.decide(0, 'server-error', 'if-not-acted').retry, false);
  });
});

describe('parseRetryAfter', () => {
  it('should read seconds, fractions and HTTP dates, and ignore rubbish', () => {
    assert.equal(parseRetryAfter('0', 0), 0);
    assert.equal(parseRetryAfter(' 1.5 ', 0), 1500);
    assert.equal(parseRetryAfter('Wed, 01 May 2024 09:59:00 GMT', Date.parse('2024-05-01T10:00:00Z')), 0);
    assert.equal(parseRetryAfter('soon', 0), undefined);
    assert.equal(parseRetryAfter(undefined, 0), undefined);
    assert.equal(parseRetryAfter('-3', 0), undefined);
  });
});
