import assert from 'node:assert/strict';
import { MCAS_AUDIENCES } from '../../../src/simulator/auth/sim-credentials';
import { buildMcasAlert } from '../../../src/simulator/mcas/build-mcas-alert';
import type { McasAlert } from '../../../src/simulator/model/mcas-types';
import { idsOf, NOW } from './helpers/mcas-fixtures';
import { API_TOKEN, type McasPageBody, McasSim } from './helpers/mcas-sim';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('MCAS alert routes (/mcas/api/v1)', () => {
  let env: McasSim;
  before(async () => {
    env = await McasSim.start();
  });
  after(() => env.stop());
  beforeEach(() => env.reset());

  const entraToken = (roles: string[], audience: string = MCAS_AUDIENCES[0]) =>
    env.sim.sim.ctx.tokens.issue({ appId: 'entra-app', roles, audience }).token;

  describe('authentication', () => {
    it('should refuse a call without Authorization with 401', async () => {
      const result = await env.mcas<ErrorBody>('GET', '/alerts/', undefined, null);
      assert.equal(result.status, 401);
      assert.match(result.body.error.message, /Authorization: Token/);
    });

    it('should refuse a wrong API token with 401', async () => {
      assert.equal((await env.mcas('GET', '/alerts/', undefined, 'Token not-the-token')).status, 401);
    });

    it('should accept the API token with or without the word Token', async () => {
      assert.equal((await env.mcas('GET', '/alerts/', undefined, `Token ${API_TOKEN}`)).status, 200);
      assert.equal((await env.mcas('GET', '/alerts/', undefined, API_TOKEN)).status, 200);
    });

    it('should accept an Entra bearer token for the Cloud Apps audience', async () => {
      const result = await env.mcas(
        'GET',
        '/alerts/',
        undefined,
        `Bearer ${entraToken(['Investigation.read'])}`,
      );
      assert.equal(result.status, 200);
    });

    it('should refuse an MDE bearer token with 401', async () => {
      const token = entraToken(['Investigation.manage'], 'https://api.securitycenter.microsoft.com');
      assert.equal((await env.mcas('GET', '/alerts/', undefined, `Bearer ${token}`)).status, 401);
    });

    it('should let Investigation.read list but not close (403)', async () => {
      const auth = `Bearer ${entraToken(['Investigation.read'])}`;
      const close = await env.mcas(
        'POST',
        '/alerts/close_true_positive/',
        { filters: { id: { eq: ['a1'] } } },
        auth,
      );
      assert.equal(close.status, 403);
      assert.equal(env.alert('a1')?.resolutionStatusValue, 0);
      const read = await env.mcas('POST', '/alerts/a1/read/', undefined, auth);
      assert.equal(read.status, 200);
    });

    it('should refuse a Cloud Apps token without Cloud Apps roles with 403', async () => {
      const result = await env.mcas('GET', '/alerts/', undefined, `Bearer ${entraToken([])}`);
      assert.equal(result.status, 403);
    });
  });

  describe('list: GET and POST /alerts/', () => {
    it('should list every alert, newest first, as {total, hasNext, data}', async () => {
      const result = await env.mcas<McasPageBody>('POST', '/alerts/', {});
      assert.equal(result.status, 200);
      assert.deepEqual(Object.keys(result.body).sort(), ['data', 'hasNext', 'total']);
      assert.equal(result.body.total, 5);
      assert.equal(result.body.hasNext, false);
      assert.deepEqual(idsOf(result.body.data), ['a5', 'a1', 'a2', 'a3', 'a4']);
    });

    it('should answer GET without a body and without the trailing slash', async () => {
      const result = await env.mcas<McasPageBody>('GET', '/alerts');
      assert.equal(result.status, 200);
      assert.equal(result.body.total, 5);
    });

    it('should apply filters given to GET in the query string', async () => {
      const filters = encodeURIComponent(JSON.stringify({ severity: { eq: [2] } }));
      const result = await env.mcas<McasPageBody>('GET', `/alerts/?filters=${filters}&limit=1`);
      assert.equal(result.body.total, 2);
      assert.deepEqual(idsOf(result.body.data), ['a5']);
    });

    it('should AND the filters of a POST', async () => {
      const body = {
        filters: {
          alertOpen: { eq: true },
          severity: { eq: [2] },
          'entity.entity': { eq: 'alice@contoso.com' },
        },
      };
      const result = await env.mcas<McasPageBody>('POST', '/alerts/', body);
      assert.deepEqual(idsOf(result.body.data), ['a1']);
    });

    it('should page with skip and limit and say whether more follow', async () => {
      const first = await env.mcas<McasPageBody>('POST', '/alerts/', { skip: 0, limit: 2 });
      assert.deepEqual(idsOf(first.body.data), ['a5', 'a1']);
      assert.equal(first.body.hasNext, true);
      const last = await env.mcas<McasPageBody>('POST', '/alerts/', { skip: 4, limit: 2 });
      assert.deepEqual(idsOf(last.body.data), ['a4']);
      assert.equal(last.body.hasNext, false);
      assert.equal(last.body.total, 5);
    });

    it('should return at most 100 alerts per call, 100 by default', async () => {
      const alerts = env.sim.sim.ctx.state.mcasAlerts;
      for (let i = 0; i < 120; i += 1) {
        const alert = buildMcasAlert({ _id: `bulk${i}`, timestamp: NOW - 5 * 86_400_000 - i }, NOW, 'erin');
        alerts.set(alert._id, alert);
      }
      const byDefault = await env.mcas<McasPageBody>('POST', '/alerts/', {});
      assert.equal(byDefault.body.data.length, 100);
      assert.equal(byDefault.body.total, 125);
      assert.equal(byDefault.body.hasNext, true);
      const tooMany = await env.mcas<McasPageBody>('POST', '/alerts/', { limit: 500 });
      assert.equal(tooMany.body.data.length, 100);
    });

    it('should sort by severity and by date in either direction', async () => {
      const bySeverity = await env.mcas<McasPageBody>('POST', '/alerts/', {
        sortField: 'severity',
        sortDirection: 'desc',
      });
      assert.deepEqual(idsOf(bySeverity.body.data), ['a5', 'a1', 'a2', 'a3', 'a4']);
      const oldestFirst = await env.mcas<McasPageBody>('POST', '/alerts/', {
        sortField: 'date',
        sortDirection: 'asc',
      });
      assert.deepEqual(idsOf(oldestFirst.body.data), ['a4', 'a3', 'a2', 'a1', 'a5']);
    });

    it('should send epoch-millisecond times and integer enums', async () => {
      const result = await env.mcas<McasPageBody>('POST', '/alerts/', { filters: { id: { eq: ['a3'] } } });
      const alert = result.body.data[0] as McasAlert;
      assert.equal(alert.timestamp, NOW - 3 * 86_400_000);
      assert.equal(alert.resolveTime, NOW - 86_400_000);
      assert.equal(alert.severityValue, 0);
      assert.equal(alert.resolutionStatusValue, 3);
      assert.equal(alert.statusValue, 0);
    });

    const refusals: Array<[string, unknown, RegExp]> = [
      ['an unknown filter field', { filters: { colour: { eq: 1 } } }, /Unknown filter field "colour"/],
      ['an unknown operator', { filters: { severity: { about: 1 } } }, /Operator "about"/],
      ['a bad severity', { filters: { severity: { eq: 9 } } }, /not a valid value/],
      ['a bad sortField', { sortField: 'title' }, /"sortField" must be one of: date, severity/],
      ['a bad sortDirection', { sortDirection: 'up' }, /"sortDirection" must be one of: asc, desc/],
      ['a negative skip', { skip: -1 }, /"skip" must be a whole number/],
      ['a fractional limit', { limit: 2.5 }, /"limit" must be a whole number/],
      ['a body that is not an object', [1, 2], /must be a JSON object/],
    ];
    for (const [name, body, message] of refusals) {
      it(`should refuse ${name} with 400`, async () => {
        const result = await env.mcas<ErrorBody>('POST', '/alerts/', body);
        assert.equal(result.status, 400, result.text);
        assert.match(result.body.error.message, message);
      });
    }
  });

  describe('fetch: GET /alerts/<pk>/', () => {
    it('should return the alert', async () => {
      const result = await env.mcas<McasAlert>('GET', '/alerts/a2/');
      assert.equal(result.status, 200);
      assert.deepEqual(result.body, env.alert('a2'));
    });

    it('should answer an unknown id with 404', async () => {
      const result = await env.mcas<ErrorBody>('GET', '/alerts/nope/');
      assert.equal(result.status, 404);
      assert.match(result.body.error.message, /nope/);
    });
  });

  describe('close_benign, close_false_positive, close_true_positive', () => {
    it('should close as benign with a reason, recording comment, time and who', async () => {
      env.clock = NOW + 5000;
      const result = await env.mcas('POST', '/alerts/close_benign/', {
        filters: { id: { eq: ['a1', 'a2'] } },
        comment: 'pen test',
        reasonId: 6,
        sendFeedback: false,
      });
      assert.equal(result.status, 200, result.text);
      assert.deepEqual(result.body, { closed_benign: 2 });
      const alert = env.alert('a1');
      assert.equal(alert?.resolutionStatusValue, 4);
      assert.equal(alert?.resolveTime, NOW + 5000);
      assert.equal(alert?.comment, 'pen test');
      assert.equal(alert?.handledByUser, 'mcas-api-token');
      assert.equal(env.alert('a5')?.resolutionStatusValue, 0);
    });

    it('should close as false positive', async () => {
      const result = await env.mcas('POST', '/alerts/close_false_positive/', {
        filters: { id: { eq: ['a5'] } },
        reasonId: 1,
      });
      assert.deepEqual(result.body, { closed_false_positive: 1 });
      assert.equal(env.alert('a5')?.resolutionStatusValue, 3);
    });

    it('should close as true positive, closing whatever the filters match', async () => {
      const result = await env.mcas('POST', '/alerts/close_true_positive', {
        filters: { 'entity.entity': { eq: 'alice@contoso.com' } },
        comment: 'confirmed',
      });
      assert.deepEqual(result.body, { closed_true_positive: 2 });
      assert.equal(env.alert('a1')?.resolutionStatusValue, 5);
      assert.equal(env.alert('a4')?.resolutionStatusValue, 5);
    });

    it('should name ids that do not exist in alertsNotFound', async () => {
      const result = await env.mcas('POST', '/alerts/close_true_positive/', {
        filters: { id: { eq: ['nope'] } },
      });
      assert.equal(result.status, 200);
      assert.deepEqual(result.body, { closed_true_positive: 0, alertsNotFound: ['nope'] });
    });

    it('should make a closed alert leave the open list', async () => {
      await env.mcas('POST', '/alerts/close_true_positive/', { filters: { id: { eq: ['a1'] } } });
      const open = await env.mcas<McasPageBody>('POST', '/alerts/', { filters: { alertOpen: { eq: true } } });
      assert.deepEqual(idsOf(open.body.data), ['a5', 'a2', 'a4']);
      const closedSince = await env.mcas<McasPageBody>('POST', '/alerts/', {
        filters: { resolutionDate: { gte: NOW }, resolutionStatus: { eq: [5] } },
      });
      assert.deepEqual(idsOf(closedSince.body.data), ['a1']);
    });

    const badReasons: Array<[string, number | string]> = [
      ['benign', 3],
      ['benign', 0],
      ['benign', '5'],
      ['false_positive', 2],
      ['false_positive', 6],
    ];
    for (const [kind, reasonId] of badReasons) {
      it(`should refuse close_${kind} with reasonId ${JSON.stringify(reasonId)} (400)`, async () => {
        const result = await env.mcas<ErrorBody>('POST', `/alerts/close_${kind}/`, {
          filters: { id: { eq: ['a1'] } },
          reasonId,
        });
        assert.equal(result.status, 400);
        assert.match(result.body.error.message, /"reasonId" must be one of/);
        assert.equal(env.alert('a1')?.resolutionStatusValue, 0);
      });
    }

    it('should refuse a close without filters, or with empty filters (400)', async () => {
      const none = await env.mcas<ErrorBody>('POST', '/alerts/close_benign/', { comment: 'x' });
      assert.equal(none.status, 400);
      assert.match(none.body.error.message, /filters/);
      const empty = await env.mcas<ErrorBody>('POST', '/alerts/close_benign/', { filters: {} });
      assert.equal(empty.status, 400);
      assert.equal(env.alert('a1')?.resolutionStatusValue, 0);
    });

    it('should refuse a close whose filters are bad (400)', async () => {
      const result = await env.mcas('POST', '/alerts/close_true_positive/', { filters: { nope: { eq: 1 } } });
      assert.equal(result.status, 400);
    });

    it('should map the deprecated dismiss to close as false positive', async () => {
      const result = await env.mcas('POST', '/alerts/a2/dismiss/', { comment: 'noise' });
      assert.deepEqual(result.body, { closed_false_positive: 1 });
      assert.equal(env.alert('a2')?.resolutionStatusValue, 3);
      assert.equal(env.alert('a2')?.comment, 'noise');
    });
  });

  describe('read and unread', () => {
    it('should mark an alert read and unread', async () => {
      const read = await env.mcas<McasAlert>('POST', '/alerts/a1/read/');
      assert.equal(read.status, 200);
      assert.equal(read.body.statusValue, 1);
      assert.equal(env.alert('a1')?.statusValue, 1);
      const unread = await env.mcas<McasAlert>('POST', '/alerts/a1/unread');
      assert.equal(unread.body.statusValue, 0);
      assert.equal(env.alert('a1')?.statusValue, 0);
    });

    it('should answer an unknown id with 404', async () => {
      assert.equal((await env.mcas('POST', '/alerts/nope/read/')).status, 404);
      assert.equal((await env.mcas('POST', '/alerts/nope/unread/')).status, 404);
    });
  });

  it('should count MCAS calls per route template in /_sim/stats', async () => {
    await env.mcas('GET', '/alerts/a1/');
    await env.mcas('GET', '/alerts/a2');
    const stats = await env.sim.call<{ requests: Record<string, number> }>('GET', '/_sim/stats');
    assert.equal(stats.body.requests['GET /mcas/api/v1/alerts/{id}'], 2);
  });
});
