import assert from 'node:assert/strict';
import { VigilError } from '../../../src/domain/errors/vigil-error';
import { classifyDefenderError } from '../../../src/services/actions/classify-defender-error';
import { DEFENDER_ERROR_CODES } from '../../../src/services/ports/defender.port';

const C = DEFENDER_ERROR_CODES;

const error = (code: string, friendly = `friendly ${code}`, details: Record<string, unknown> = {}) =>
  new VigilError(code, friendly, { details, message: `internal ${code}` });

describe('classifyDefenderError', () => {
  it('should say "pending" for ActiveRequestAlreadyExists, whatever else the error says', () => {
    assert.deepEqual(classifyDefenderError(error(C.actionAlreadyPending)), { kind: 'pending' });
    assert.deepEqual(classifyDefenderError(error(C.actionAlreadyPending, 'x', { maybeActed: true })), {
      kind: 'pending',
    });
  });

  it('should say "maybeActed" for a call that may have acted, with the friendly message', () => {
    for (const code of [C.timeout, C.unavailable, C.badRequest]) {
      assert.deepEqual(classifyDefenderError(error(code, 'no answer', { maybeActed: true })), {
        kind: 'maybeActed',
        message: 'no answer',
      });
    }
  });

  it('should treat an unreadable reply as "maybeActed" (Defender answered, but with what?)', () => {
    assert.deepEqual(classifyDefenderError(error(C.invalidResponse, 'unreadable reply')), {
      kind: 'maybeActed',
      message: 'unreadable reply',
    });
  });

  it('should not count a maybeActed that is not exactly true', () => {
    assert.equal(classifyDefenderError(error(C.timeout, 'slow', { maybeActed: 'true' })).kind, 'retry');
    assert.equal(classifyDefenderError(error(C.forbidden, 'no', { maybeActed: false })).kind, 'fail');
  });

  it('should retry throttling, outages, timeouts and sign-in failures, with the friendly message', () => {
    for (const code of [C.rateLimited, C.unavailable, C.timeout, C.authFailed]) {
      assert.deepEqual(classifyDefenderError(error(code, `wait: ${code}`)), {
        kind: 'retry',
        message: `wait: ${code}`,
      });
    }
  });

  it("should pass Defender's Retry-After on as milliseconds, only when it is a positive number", () => {
    assert.deepEqual(classifyDefenderError(error(C.rateLimited, 'slow down', { retryAfterS: 30 })), {
      kind: 'retry',
      message: 'slow down',
      retryAfterMs: 30_000,
    });
    assert.deepEqual(classifyDefenderError(error(C.rateLimited, 'slow down', { retryAfterS: 0.5 })), {
      kind: 'retry',
      message: 'slow down',
      retryAfterMs: 500,
    });
    for (const retryAfterS of [0, -5, '30', null]) {
      assert.deepEqual(classifyDefenderError(error(C.rateLimited, 'slow down', { retryAfterS })), {
        kind: 'retry',
        message: 'slow down',
      });
    }
  });

  it('should fail for good on a refusal, with the friendly message (never the internal one)', () => {
    for (const code of [C.forbidden, C.unauthorized, C.notFound, C.badRequest]) {
      assert.deepEqual(classifyDefenderError(error(code, `refused: ${code}`)), {
        kind: 'fail',
        message: `refused: ${code}`,
      });
    }
  });

  it('should fail on a Vigil error of another family (not a Defender outage to wait for)', () => {
    assert.deepEqual(classifyDefenderError(error('STORE.CORRUPT_DATA', 'damaged row')), {
      kind: 'fail',
      message: 'damaged row',
    });
  });

  it('should retry an unexpected error (a bug or a network library surprise), keeping its message', () => {
    assert.deepEqual(classifyDefenderError(new TypeError('fetch failed')), {
      kind: 'retry',
      message: 'fetch failed',
    });
    assert.deepEqual(classifyDefenderError('socket hang up'), { kind: 'retry', message: 'socket hang up' });
    assert.deepEqual(classifyDefenderError(undefined), { kind: 'retry', message: 'undefined' });
  });
});
