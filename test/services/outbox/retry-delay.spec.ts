import assert from 'node:assert/strict';
import { retryDelayMs } from '../../../src/services/outbox/retry-delay';

describe('retryDelayMs', () => {
  it('should wait a random part of a ceiling that doubles from 1 s', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((retries) => retryDelayMs(retries, undefined, () => 0.5)),
      [500, 1000, 2000, 4000],
    );
  });

  it('should never let the ceiling pass 30 s', () => {
    assert.equal(
      retryDelayMs(10, undefined, () => 0.999999),
      29_999,
    );
    assert.equal(
      retryDelayMs(1000, undefined, () => 0.5),
      15_000,
    );
  });

  it('should be full jitter: anything from 0 up to the ceiling', () => {
    assert.equal(
      retryDelayMs(3, undefined, () => 0),
      0,
    );
  });

  it('should wait at least what Retry-After asks', () => {
    assert.equal(
      retryDelayMs(0, 2, () => 0.1),
      2000,
    );
    assert.equal(
      retryDelayMs(4, 2, () => 0.5),
      8000,
    );
    assert.equal(
      retryDelayMs(0, 0.25, () => 0),
      250,
    );
  });
});
