import assert from 'node:assert/strict';
import { toTeamsError } from '../../../src/adapters/teams/to-teams-error';
import { TEAMS_ERROR_CODES } from '../../../src/services/ports/teams.port';

/** A failure shaped like the connector's `RestError`. */
function restError(statusCode: number | undefined, headers: Record<string, string> = {}, code?: string) {
  const error = Object.assign(new Error(`status ${statusCode}`), { statusCode, ...(code ? { code } : {}) });
  Object.defineProperty(error, 'response', {
    value: { headers: { get: (name: string) => headers[name.toLowerCase()] } },
    enumerable: false,
  });
  Object.defineProperty(error, 'request', {
    value: { headers: { authorization: 'Bearer secret-token' } },
    enumerable: false,
  });
  return Object.assign(error, { name: 'RestError' });
}

describe('toTeamsError', () => {
  const NOW = Date.parse('2026-03-02T09:00:00Z');

  it('should map statuses to the Teams error codes', () => {
    const cases: [number, string][] = [
      [429, TEAMS_ERROR_CODES.throttled],
      [412, TEAMS_ERROR_CODES.transient],
      [502, TEAMS_ERROR_CODES.transient],
      [504, TEAMS_ERROR_CODES.transient],
      [503, TEAMS_ERROR_CODES.transient],
      [403, TEAMS_ERROR_CODES.notInConversation],
      [404, TEAMS_ERROR_CODES.notInConversation],
      [413, TEAMS_ERROR_CODES.tooLarge],
      [400, TEAMS_ERROR_CODES.failed],
      [401, TEAMS_ERROR_CODES.failed],
    ];
    for (const [status, code] of cases) {
      const error = toTeamsError(restError(status), 'post', NOW);
      assert.equal(error.code, code, String(status));
      assert.equal(error.details.status, status);
      assert.equal(error.details.operation, 'post');
    }
  });

  it("should trust the connector's own error codes over the status", () => {
    assert.equal(
      toTeamsError(restError(500, {}, 'ConversationNotFound'), 'post').code,
      TEAMS_ERROR_CODES.notInConversation,
    );
    assert.equal(
      toTeamsError(restError(403, {}, 'BotNotInConversationRoster'), 'post').code,
      TEAMS_ERROR_CODES.notInConversation,
    );
    assert.equal(
      toTeamsError(restError(400, {}, 'MessageSizeTooBig'), 'post').code,
      TEAMS_ERROR_CODES.tooLarge,
    );
  });

  it('should read Retry-After in seconds or as a date, and retry-after-ms', () => {
    assert.equal(toTeamsError(restError(429, { 'retry-after': '2' }), 'post', NOW).details.retryAfterS, 2);
    const date = new Date(NOW + 5000).toUTCString();
    assert.equal(toTeamsError(restError(429, { 'retry-after': date }), 'post', NOW).details.retryAfterS, 5);
    assert.equal(
      toTeamsError(restError(503, { 'retry-after-ms': '1500' }), 'post', NOW).details.retryAfterS,
      1.5,
    );
    assert.equal('retryAfterS' in toTeamsError(restError(429), 'post', NOW).details, false);
  });

  it('should take broken connections and timeouts as transient', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']) {
      assert.equal(
        toTeamsError(restError(undefined, {}, code), 'reply').code,
        TEAMS_ERROR_CODES.transient,
        code,
      );
    }
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
    });
    assert.equal(toTeamsError(timeout, 'reply').code, TEAMS_ERROR_CODES.transient);
  });

  it('should take anything else as a refusal', () => {
    assert.equal(toTeamsError(new TypeError('bad'), 'update').code, TEAMS_ERROR_CODES.failed);
    assert.equal(toTeamsError('weird', 'update').code, TEAMS_ERROR_CODES.failed);
  });

  it('should keep the request, and so the token, out of the error', () => {
    const error = toTeamsError(restError(429, { 'retry-after': '1' }), 'post', NOW);
    assert.equal(error.cause, undefined);
    assert.doesNotMatch(
      JSON.stringify({ ...error, details: error.details, message: error.message }),
      /secret-token/,
    );
  });
});
