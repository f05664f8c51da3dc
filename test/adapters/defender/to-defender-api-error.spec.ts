import assert from 'node:assert/strict';
import { DefenderApiError } from '../../../src/adapters/defender/defender-api-error';
import { failureFromResponse } from '../../../src/adapters/defender/defender-failure';
import {
  type FailureContext,
  toDefenderApiError,
} from '../../../src/adapters/defender/to-defender-api-error';
import { isVigilError } from '../../../src/domain/errors/vigil-error';

const isolate: FailureContext = {
  service: 'mde',
  route: 'POST /api/machines/{id}/isolate',
  subject: 'machine',
  retry: 'if-not-acted',
  attempts: 1,
  permission: 'Machine.Isolate',
};

const mdeBody = (code: string, message: string) =>
  JSON.stringify({ error: { code, message, target: 'c0ffee' } });
const fromHttp = (status: number, body = '', retryAfter?: string, ctx = isolate) =>
  toDefenderApiError(failureFromResponse(status, retryAfter, body, 0), ctx);

describe('toDefenderApiError', () => {
  it('should name the missing application permission on a 403', () => {
    const error = fromHttp(
      403,
      mdeBody('Forbidden', 'The application does not have the required permission.'),
    );
    assert.ok(error instanceof DefenderApiError);
    assert.ok(isVigilError(error, 'DEFENDER.FORBIDDEN'));
    assert.equal(
      error.friendlyMessage,
      'Defender refused: the Vigil app needs the Machine.Isolate application permission (WindowsDefenderATP API) with admin consent.',
    );
    assert.deepEqual(
      {
        status: error.status,
        defenderCode: error.defenderCode,
        route: error.route,
        permission: error.details.requiredPermission,
      },
      {
        status: 403,
        defenderCode: 'Forbidden',
        route: 'POST /api/machines/{id}/isolate',
        permission: 'Machine.Isolate',
      },
    );
  });

  it('should sort ActiveRequestAlreadyExists as ACTION_ALREADY_PENDING', () => {
    const error = fromHttp(400, mdeBody('ActiveRequestAlreadyExists', 'Action is already in progress'));
    assert.equal(error.code, 'DEFENDER.ACTION_ALREADY_PENDING');
    assert.equal(error.defenderCode, 'ActiveRequestAlreadyExists');
  });

  it("should carry MDE's code and message on other 400s", () => {
    const error = fromHttp(400, mdeBody('InvalidRequestBody', "'IsolationType' must be Full or Selective."));
    assert.equal(error.code, 'DEFENDER.BAD_REQUEST');
    assert.match(error.friendlyMessage, /InvalidRequestBody.*IsolationType/);
    assert.equal(error.details.defenderMessage, "'IsolationType' must be Full or Selective.");
  });

  it('should map 401, 404, 429 and 5xx', () => {
    assert.equal(fromHttp(401, mdeBody('Unauthorized', 'expired')).code, 'DEFENDER.UNAUTHORIZED');
    const notFound = fromHttp(404, mdeBody('NotFound', 'Machine 123 was not found'));
    assert.equal(notFound.code, 'DEFENDER.NOT_FOUND');
    assert.equal(notFound.friendlyMessage, 'Defender could not find that machine.');
    const limited = fromHttp(429, mdeBody('TooManyRequests', 'Rate limit is exceeded.'), '7');
    assert.equal(limited.code, 'DEFENDER.RATE_LIMITED');
    assert.equal(limited.retryAfterS, 7);
    const down = fromHttp(503, '<html>Service Unavailable</html>');
    assert.equal(down.code, 'DEFENDER.UNAVAILABLE');
    assert.equal(down.details.maybeActed, true, 'a 503 to an isolate may come after MDE acted');
  });

  it('should mark a timeout of a creating call as maybe acted, and of a read as not', () => {
    const post = toDefenderApiError({ type: 'timeout' }, isolate);
    assert.equal(post.code, 'DEFENDER.TIMEOUT');
    assert.equal(post.details.maybeActed, true);
    const read = toDefenderApiError(
      { type: 'timeout' },
      { ...isolate, retry: 'safe', route: 'GET /api/alerts' },
    );
    assert.equal(read.details.maybeActed, undefined);
  });

  it('should name MCAS permissions in MCAS terms', () => {
    const error = fromHttp(403, JSON.stringify({ detail: 'no' }), undefined, {
      service: 'mcas',
      route: 'POST /api/v1/alerts/close_benign/',
      subject: 'Cloud Apps alert',
      retry: 'safe',
      attempts: 1,
      permission: 'Investigation.manage',
    });
    assert.match(error.friendlyMessage, /^Defender for Cloud Apps refused: .*Investigation\.manage/);
  });
});
