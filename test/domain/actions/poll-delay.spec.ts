import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_POLL_SCHEDULE,
  type PollSchedule,
  pollDelayMs,
} from '../../../src/domain/actions/poll-delay';

describe('pollDelayMs', () => {
  it('should default to 2 s first, growing by half, capped at a minute', () => {
    assert.deepEqual(DEFAULT_POLL_SCHEDULE, { firstMs: 2000, factor: 1.5, capMs: 60_000 });
  });

  it('should wait 2 s, 3 s, 4.5 s … rounded to whole milliseconds', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((checks) => pollDelayMs(checks));
    assert.deepEqual(delays, [2000, 3000, 4500, 6750, 10125, 15188, 22781, 34172, 51258]);
  });

  it('should stop at a minute once the growth passes it', () => {
    assert.equal(pollDelayMs(9), 60_000);
    assert.equal(pollDelayMs(10), 60_000);
    assert.equal(pollDelayMs(59), 60_000);
  });

  it('should take a negative count as the first check', () => {
    assert.equal(pollDelayMs(-1), 2000);
    assert.equal(pollDelayMs(-1_000_000), 2000);
    assert.equal(pollDelayMs(Number.NEGATIVE_INFINITY), 2000);
  });

  it('should round a fractional count down', () => {
    assert.equal(pollDelayMs(1.9), 3000);
    assert.equal(pollDelayMs(0.5), 2000);
  });

  it('should give the cap for huge counts, without overflowing', () => {
    assert.equal(pollDelayMs(1e9), 60_000);
    assert.equal(pollDelayMs(Number.MAX_SAFE_INTEGER), 60_000);
    assert.equal(pollDelayMs(Number.POSITIVE_INFINITY), 60_000);
  });

  it('should take a count that is not a number as the first check, never NaN', () => {
    assert.equal(pollDelayMs(Number.NaN), 2000);
  });

  it('should follow a given schedule', () => {
    const schedule: PollSchedule = { firstMs: 100, factor: 2, capMs: 1000 };
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((checks) => pollDelayMs(checks, schedule)),
      [100, 200, 400, 800, 1000, 1000],
    );
  });

  it('should keep a factor of 1 flat', () => {
    const schedule: PollSchedule = { firstMs: 5000, factor: 1, capMs: 60_000 };
    assert.equal(pollDelayMs(0, schedule), 5000);
    assert.equal(pollDelayMs(40, schedule), 5000);
  });

  it('should never go over the cap, even on the first check', () => {
    assert.equal(pollDelayMs(0, { firstMs: 90_000, factor: 1.5, capMs: 60_000 }), 60_000);
  });

  it('should stay at the cap when the growth overflows to Infinity', () => {
    assert.equal(pollDelayMs(1000, { firstMs: 1000, factor: 1e10, capMs: 30_000 }), 30_000);
  });

  it('should always give a whole number of milliseconds between the first delay and the cap', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(Number.NaN, Infinity, -Infinity, -0), fc.double()), (checks) => {
        const delay = pollDelayMs(checks);
        return Number.isInteger(delay) && delay >= 2000 && delay <= 60_000;
      }),
    );
  });

  it('should never wait less for a later check', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 200 }), fc.integer({ min: 0, max: 50 }), (checks, more) => {
        return pollDelayMs(checks + more) >= pollDelayMs(checks);
      }),
    );
  });
});
