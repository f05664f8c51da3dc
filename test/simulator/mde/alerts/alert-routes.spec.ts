import assert from 'node:assert/strict';
import type { MdeAlert, MdeMachine, MdeUser } from '../../../../src/simulator/model/mde-types';
import { TestSimulator } from '../../../helpers/sim-client';

type Collection<T> = {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: T[];
};
type ErrorBody = { error: { code: string; message: string; target: string } };

const START = Date.parse('2025-03-01T12:00:00Z');
const CONTEXT = 'https://api.securitycenter.microsoft.com/api/$metadata#Alerts';

describe('MDE alert routes', () => {
  let sim: TestSimulator;
  let clock = START;
  let alerts: MdeAlert[];
  const byHost = (host: string) => alerts.find((a) => a.computerDnsName?.startsWith(`${host}.`)) as MdeAlert;

  before(async () => {
    sim = await TestSimulator.start({ now: () => clock });
  });
  after(() => sim.stop());
  beforeEach(async () => {
    clock = START;
    await sim.call('POST', '/_sim/reset');
    alerts = (await sim.call<Collection<MdeAlert>>('GET', '/api/alerts', { token: 'all' })).body.value;
  });

  describe('GET /api/alerts', () => {
    it('should list the open alerts newest first, without evidence, in an OData collection', async () => {
      const result = await sim.call<Collection<MdeAlert>>('GET', '/api/alerts', { token: 'all' });
      assert.equal(result.status, 200);
      assert.equal(result.body['@odata.context'], CONTEXT);
      assert.equal(result.body.value.length, 7);
      assert.ok(result.body.value.every((a) => Array.isArray(a.evidence) && a.evidence.length === 0));
      const created = result.body.value.map((a) => a.alertCreationTime);
      assert.deepEqual(created, [...created].sort().reverse());
      assert.equal(result.body['@odata.nextLink'], undefined);
    });

    it('should serve evidence with $expand=evidence', async () => {
      const result = await sim.call<Collection<MdeAlert>>('GET', '/api/alerts?$expand=evidence', {
        token: 'all',
      });
      assert.ok(result.body.value.every((a) => a.evidence.length > 0));
    });

    it('should filter by status, severity, unquoted datetimes and incidentId', async () => {
      const query = async (filter: string) =>
        (
          await sim.call<Collection<MdeAlert>>('GET', `/api/alerts?$filter=${encodeURIComponent(filter)}`, {
            token: 'all',
          })
        ).body.value.map((a) => a.computerDnsName?.split('.')[0]);
      assert.deepEqual(await query("status eq 'InProgress'"), ['dev-ws-001']);
      assert.deepEqual(await query("severity eq 'High'"), ['fin-ws-001', 'helpdesk-ws-001']);
      assert.deepEqual(await query(`lastUpdateTime ge ${new Date(START - 30 * 60_000).toISOString()}`), [
        'fin-ws-001',
        'dc01',
      ]);
      assert.deepEqual(
        await query(
          "category eq 'ransomware' or detectionSource eq 'WindowsDefenderAv' and severity lt 'High'",
        ),
        ['fin-ws-001', 'mkt-lt-001'],
      );
      assert.deepEqual(await query('incidentId eq 103'), ['dc01']);
      assert.deepEqual(await query("assignedTo eq 'grace@contoso.com'"), ['dev-ws-001']);
      assert.equal((await query('assignedTo eq null')).length, 6);
    });

    it('should honour $top, $skip, $orderby, $select and $count', async () => {
      const result = await sim.call<Collection<Partial<MdeAlert>>>(
        'GET',
        '/api/alerts?$top=2&$skip=1&$orderby=severity desc,alertCreationTime&$select=id,severity&$count=true',
        { token: 'all' },
      );
      assert.equal(result.body['@odata.count'], 7);
      assert.equal(result.body['@odata.context'], `${CONTEXT}(id,severity)`);
      assert.deepEqual(
        result.body.value.map((a) => Object.keys(a)),
        [
          ['id', 'severity'],
          ['id', 'severity'],
        ],
      );
      assert.deepEqual(
        result.body.value.map((a) => a.severity),
        ['High', 'Medium'],
      );
    });

    const badQueries: Array<[string, RegExp]> = [
      ["$filter=foo eq 'x'", /Could not find a property named 'foo' on type 'Alert'/],
      ["$filter=title eq 'x'", /cannot be used in the \$filter/],
      ["$filter=severity eq 'Critical'", /not a valid enumeration constant/],
      ["$filter=status eq 'New' and", /Syntax error/],
      ['$top=10001', /limit of '10000'/],
      ['$expand=machine', /not a navigation property/],
    ];
    for (const [query, message] of badQueries) {
      it(`should answer ${query} with 400 ODataError`, async () => {
        const result = await sim.call<ErrorBody>('GET', `/api/alerts?${query.replace(/ /g, '%20')}`, {
          token: 'all',
        });
        assert.equal(result.status, 400);
        assert.equal(result.body.error.code, 'ODataError');
        assert.match(result.body.error.message, message);
      });
    }

    it('should page with @odata.nextLink beyond 10,000 alerts only when $top is absent', async () => {
      await sim.call('POST', '/_sim/mde/alerts/bulk', { body: { count: 10_000 } });
      const first = await sim.call<Collection<MdeAlert>>('GET', '/api/alerts', { token: 'all' });
      assert.equal(first.body.value.length, 10_000);
      const next = new URL(first.body['@odata.nextLink'] ?? '');
      assert.equal(next.origin, sim.url);
      const second = await sim.call<Collection<MdeAlert>>('GET', `${next.pathname}${next.search}`, {
        token: 'all',
      });
      assert.equal(second.body.value.length, 7);
      assert.equal(second.body['@odata.nextLink'], undefined);
      const topped = await sim.call<Collection<MdeAlert>>('GET', '/api/alerts?$top=10000', { token: 'all' });
      assert.equal(topped.body['@odata.nextLink'], undefined);
    });
  });

  describe('GET /api/alerts/{id}', () => {
    it('should return the alert as an entity, with evidence only when expanded', async () => {
      const alert = byHost('fin-ws-001');
      const plain = await sim.call<MdeAlert & { '@odata.context': string }>(
        'GET',
        `/api/alerts/${alert.id}`,
        {
          token: 'all',
        },
      );
      assert.equal(plain.status, 200);
      assert.equal(plain.body['@odata.context'], `${CONTEXT}/$entity`);
      assert.equal(plain.body.id, alert.id);
      assert.deepEqual(plain.body.evidence, []);
      const expanded = await sim.call<MdeAlert>('GET', `/api/alerts/${alert.id}?$expand=evidence`, {
        token: 'all',
      });
      assert.ok(expanded.body.evidence.length >= 2);
    });

    it('should answer an unknown id with 404 NotFound', async () => {
      const result = await sim.call<ErrorBody>('GET', '/api/alerts/da000000000000000000_1', { token: 'all' });
      assert.equal(result.status, 404);
      assert.equal(result.body.error.code, 'NotFound');
      assert.match(result.body.error.target, /^[0-9a-f-]{36}$/);
    });

    it('should answer 401 without a token or with a bad one, and 403 without an alert role', async () => {
      const id = alerts[0]?.id;
      assert.equal((await sim.call('GET', `/api/alerts/${id}`)).status, 401);
      assert.equal((await sim.call('GET', '/api/alerts', { token: 'not-a-jwt' })).status, 401);
      const machineOnly = await sim.token(['Machine.Read.All']);
      const forbidden = await sim.call<ErrorBody>('GET', `/api/alerts/${id}`, { token: machineOnly });
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.body.error.code, 'Forbidden');
      assert.equal((await sim.call('GET', '/api/alerts', { token: machineOnly })).status, 403);
      const readOnly = await sim.token(['Alert.Read.All']);
      assert.equal((await sim.call('GET', `/api/alerts/${id}`, { token: readOnly })).status, 200);
    });
  });

  describe('PATCH /api/alerts/{id}', () => {
    const patch = (id: string, body: unknown, token = 'all') =>
      sim.call<MdeAlert & ErrorBody>('PATCH', `/api/alerts/${id}`, { token, body });

    it('should resolve an alert, store the determination alias by its alerts.md name and append the comment', async () => {
      const alert = byHost('fin-ws-001');
      clock = START + 60_000;
      const result = await patch(alert.id, {
        status: 'Resolved',
        assignedTo: 'secop2@contoso.com',
        classification: 'FalsePositive',
        determination: 'NotMalicious',
        comment: 'Closed from Teams',
      });
      assert.equal(result.status, 200);
      assert.equal(result.body.status, 'Resolved');
      assert.equal(result.body.assignedTo, 'secop2@contoso.com');
      assert.equal(result.body.classification, 'FalsePositive');
      assert.equal(result.body.determination, 'Clean');
      assert.equal(result.body.resolvedTime, `2025-03-01T12:01:00.000${result.body.resolvedTime?.slice(23)}`);
      assert.ok(result.body.lastUpdateTime > alert.lastUpdateTime);
      assert.equal(result.body.lastUpdateTime, result.body.resolvedTime);
      assert.deepEqual(result.body.comments, [
        { comment: 'Closed from Teams', createdBy: 'vigil-demo', createdTime: result.body.lastUpdateTime },
      ]);
      assert.equal(result.body.title, alert.title);
      const again = await sim.call<MdeAlert>('GET', `/api/alerts/${alert.id}`, { token: 'all' });
      assert.equal(again.body.status, 'Resolved');
    });

    it('should clear resolvedTime when the alert leaves Resolved, and take enum values in any case', async () => {
      const alert = byHost('mkt-lt-001');
      await patch(alert.id, { status: 'Resolved' });
      const reopened = await patch(alert.id, { status: 'inprogress', classification: 'truePositive' });
      assert.equal(reopened.status, 200);
      assert.equal(reopened.body.status, 'InProgress');
      assert.equal(reopened.body.classification, 'TruePositive');
      assert.equal(reopened.body.resolvedTime, null);
    });

    it('should take a comment alone and keep the other fields', async () => {
      const alert = byHost('dev-ws-001');
      clock = START + 5_000;
      const result = await patch(alert.id, { comment: 'second look' });
      assert.equal(result.body.status, 'InProgress');
      assert.equal(result.body.assignedTo, 'grace@contoso.com');
      assert.equal(result.body.comments.length, 2);
      assert.equal(result.body.comments[1]?.comment, 'second look');
      assert.ok(result.body.lastUpdateTime > alert.lastUpdateTime);
    });

    const badBodies: Array<[string, unknown, RegExp]> = [
      ['a wrong-case property', { Status: 'Resolved' }, /'Status' is not a valid property.*case-sensitive/],
      ['an unknown property', { severity: 'Low' }, /'severity' is not a valid property/],
      [
        'a bad status',
        { status: 'Closed' },
        /Invalid value "Closed" for 'status'. Allowed values: New, InProgress, Resolved/,
      ],
      [
        'a bad classification',
        { classification: 'Maybe' },
        /Allowed values: TruePositive, InformationalExpectedActivity/,
      ],
      [
        'a bad determination',
        { determination: 'Aliens' },
        /'determination'. Allowed values: MultiStagedAttack/,
      ],
      ['a non-string comment', { comment: 5 }, /'comment' must be a string/],
      ['an empty object', {}, /at least one of/],
      ['an array', [], /JSON object/],
    ];
    for (const [what, body, message] of badBodies) {
      it(`should answer ${what} with 400 InvalidRequestBody and change nothing`, async () => {
        const alert = byHost('fin-ws-001');
        const result = await patch(alert.id, body);
        assert.equal(result.status, 400);
        assert.equal(result.body.error.code, 'InvalidRequestBody');
        assert.match(result.body.error.message, message);
        const after = await sim.call<MdeAlert>('GET', `/api/alerts/${alert.id}`, { token: 'all' });
        assert.equal(after.body.lastUpdateTime, alert.lastUpdateTime);
      });
    }

    it('should answer 404 for an unknown alert, 403 without Alert.ReadWrite.All, 401 without a token', async () => {
      assert.equal((await patch('da1_1', { status: 'Resolved' })).status, 404);
      const readOnly = await sim.token(['Alert.Read.All']);
      assert.equal((await patch(byHost('dc01').id, { status: 'Resolved' }, readOnly)).status, 403);
      const anonymous = await sim.call('PATCH', `/api/alerts/${byHost('dc01').id}`, {
        body: { status: 'Resolved' },
      });
      assert.equal(anonymous.status, 401);
    });

    it('should accept every documented determination spelling', async () => {
      const alert = byHost('sales-lt-001');
      const spellings: Array<[string, string | null]> = [
        ['ConfirmedActivity', 'ConfirmedUserActivity'],
        ['SecurityPersonnel', 'SecurityTesting'],
        ['Apt', 'MultiStagedAttack'],
        ['Malware', 'Malware'],
        ['NotAvailable', null],
      ];
      for (const [given, stored] of spellings) {
        const result = await patch(alert.id, { determination: given });
        assert.equal(result.status, 200, given);
        assert.equal(result.body.determination, stored, given);
      }
    });
  });

  describe('POST /api/alerts/batchUpdate', () => {
    const batch = (body: unknown, token = 'all') =>
      sim.call<ErrorBody | undefined>('POST', '/api/alerts/batchUpdate', { token, body });

    it('should update every named alert and answer 200 with an empty body', async () => {
      const ids = alerts.slice(0, 3).map((a) => a.id);
      const result = await batch({
        alertIds: ids,
        status: 'Resolved',
        classification: 'TruePositive',
        comment: 'bulk',
      });
      assert.equal(result.status, 200);
      assert.equal(result.text, '');
      const resolved = await sim.call<Collection<MdeAlert>>(
        'GET',
        "/api/alerts?$filter=status eq 'Resolved'",
        {
          token: 'all',
        },
      );
      assert.deepEqual(resolved.body.value.map((a) => a.id).sort(), [...ids].sort());
      assert.ok(
        resolved.body.value.every((a) => a.comments.at(-1)?.comment === 'bulk' && a.resolvedTime !== null),
      );
    });

    it('should refuse more than 500 ids with MaximumBatchSizeExceeded', async () => {
      const result = await batch({
        alertIds: Array.from({ length: 501 }, (_, i) => `id${i}`),
        status: 'Resolved',
      });
      assert.equal(result.status, 400);
      assert.equal(result.body?.error.code, 'MaximumBatchSizeExceeded');
    });

    it('should refuse a missing alertIds, a bad enum and a wrong-case property', async () => {
      assert.equal((await batch({ status: 'Resolved' })).body?.error.code, 'MissingRequiredParameter');
      const badEnum = await batch({ alertIds: [alerts[0]?.id], status: 'Done' });
      assert.equal(badEnum.body?.error.code, 'InvalidRequestBody');
      const wrongCase = await batch({ AlertIds: [alerts[0]?.id], status: 'Resolved' });
      assert.equal(wrongCase.status, 400);
      const wrongField = await batch({ alertIds: [alerts[0]?.id], Status: 'Resolved' });
      assert.equal(wrongField.body?.error.code, 'InvalidRequestBody');
    });

    it('should answer 404 naming unknown ids and change nothing', async () => {
      const result = await batch({ alertIds: [alerts[0]?.id, 'da0_0'], status: 'Resolved' });
      assert.equal(result.status, 404);
      assert.match(result.body?.error.message ?? '', /da0_0/);
      const open = await sim.call<Collection<MdeAlert>>('GET', "/api/alerts?$filter=status eq 'Resolved'", {
        token: 'all',
      });
      assert.equal(open.body.value.length, 0);
    });

    it('should need Alert.ReadWrite.All and a token', async () => {
      const body = { alertIds: [alerts[0]?.id], status: 'Resolved' };
      assert.equal((await batch(body, await sim.token(['Alert.Read.All']))).status, 403);
      assert.equal((await sim.call('POST', '/api/alerts/batchUpdate', { body })).status, 401);
    });

    it('should spend the batch budget of 10 calls a minute', async () => {
      const body = { alertIds: [alerts[0]?.id], comment: 'x' };
      for (let i = 0; i < 10; i += 1) assert.equal((await batch(body)).status, 200);
      const limited = await batch(body);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
    });
  });

  describe('GET /api/alerts/{id}/machine and /user', () => {
    it("should return the alert's machine to a Machine.Read.All caller", async () => {
      const alert = byHost('dc01');
      const token = await sim.token(['Machine.Read.All']);
      const result = await sim.call<MdeMachine & { '@odata.context': string }>(
        'GET',
        `/api/alerts/${alert.id}/machine`,
        { token },
      );
      assert.equal(result.status, 200);
      assert.equal(
        result.body['@odata.context'],
        'https://api.securitycenter.microsoft.com/api/$metadata#Machines/$entity',
      );
      assert.equal(result.body.computerDnsName, 'dc01.contoso.local');
      assert.deepEqual(result.body.machineTags, ['tier0', 'domain-controller']);
      assert.equal(
        (
          await sim.call('GET', `/api/alerts/${alert.id}/machine`, {
            token: await sim.token(['Alert.Read.All']),
          })
        ).status,
        403,
      );
      assert.equal((await sim.call('GET', '/api/alerts/da1_1/machine', { token })).status, 404);
    });

    it("should return the alert's user to a User.Read.All caller", async () => {
      const alert = byHost('fin-ws-001');
      const token = await sim.token(['User.Read.All']);
      const result = await sim.call<MdeUser>('GET', `/api/alerts/${alert.id}/user`, { token });
      assert.equal(result.status, 200);
      assert.equal(result.body.id, 'contoso\\alice');
      assert.equal(result.body.accountName, 'alice');
      assert.equal(result.body.mostPrevalentMachineId, alert.machineId);
      const machineOnly = await sim.token(['Machine.Read.All']);
      assert.equal(
        (await sim.call('GET', `/api/alerts/${alert.id}/user`, { token: machineOnly })).status,
        403,
      );
      assert.equal((await sim.call('GET', `/api/alerts/${alert.id}/user`)).status, 401);
    });

    it('should answer 404 when the alert names a local account unknown to MDE, or is unknown', async () => {
      const token = await sim.token(['User.Read.All']);
      assert.equal((await sim.call('GET', `/api/alerts/${byHost('web01').id}/user`, { token })).status, 404);
      assert.equal((await sim.call('GET', '/api/alerts/nope/user', { token })).status, 404);
    });
  });
});
