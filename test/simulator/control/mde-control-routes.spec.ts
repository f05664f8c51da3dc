import assert from 'node:assert/strict';
import { EVIDENCE_KEYS } from '../../../src/simulator/estate/mde-evidence';
import type { MdeAlert, MdeMachine } from '../../../src/simulator/model/mde-types';
import { TestSimulator } from '../../helpers/sim-client';

type ErrorBody = { error: { code: string; message: string } };
type Collection<T> = { value: T[] };

describe('MDE control routes', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await TestSimulator.start();
  });
  after(() => sim.stop());
  beforeEach(() => sim.call('POST', '/_sim/reset'));

  const create = (body: unknown) => sim.call<MdeAlert & ErrorBody>('POST', '/_sim/mde/alerts', { body });

  describe('POST /_sim/mde/alerts', () => {
    it('should fill an empty body as MDE would: a full alert with evidence on an estate workstation', async () => {
      const result = await create({});
      assert.equal(result.status, 201);
      const alert = result.body;
      assert.match(alert.id, /^da\d{18}_\d+$/);
      assert.equal(alert.computerDnsName, 'fin-ws-001.contoso.local');
      assert.deepEqual(alert.relatedUser, { userName: 'alice', domainName: 'CONTOSO' });
      assert.equal(alert.status, 'New');
      assert.ok(alert.evidence.length > 0);
      for (const item of alert.evidence)
        assert.deepEqual(Object.keys(item).sort(), [...EVIDENCE_KEYS].sort());
      assert.match(alert.lastUpdateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
      assert.ok(alert.incidentId && alert.incidentId > 107);
      const listed = await sim.call<MdeAlert>('GET', `/api/alerts/${alert.id}`, { token: 'all' });
      assert.equal(listed.status, 200);
    });

    it('should keep every given field, id included', async () => {
      const given = {
        id: 'da638000000000000000_42',
        title: 'Suspicious thing from a test',
        description: 'Given description.',
        severity: 'High',
        status: 'InProgress',
        category: 'Exfiltration',
        detectionSource: 'CustomDetection',
        assignedTo: 'secops@contoso.com',
        classification: 'TruePositive',
        determination: 'Malware',
        incidentId: 9001,
        investigationId: 77,
        investigationState: 'Running',
        threatFamilyName: 'Test',
        threatName: 'Test:Win32/Thing',
        alertCreationTime: '2024-05-01T10:00:00Z',
        lastUpdateTime: '2024-05-01T10:05:00.1234567Z',
        mitreTechniques: ['T1041'],
        relatedUser: { userName: 'bob', domainName: 'CONTOSO' },
        computerDnsName: 'dc01.contoso.local',
        comments: [{ comment: 'seeded', createdBy: 'tester', createdTime: '2024-05-01T10:01:00Z' }],
        evidence: [{ entityType: 'Ip', ipAddress: '203.0.113.9' }],
      };
      const result = await create(given);
      assert.equal(result.status, 201, JSON.stringify(result.body));
      const { evidence, ...rest } = given;
      for (const [key, value] of Object.entries(rest))
        assert.deepEqual(result.body[key as keyof MdeAlert], value, key);
      assert.equal(result.body.evidence.length, 1);
      assert.equal(result.body.evidence[0]?.ipAddress, evidence[0]?.ipAddress);
      assert.equal(result.body.evidence[0]?.evidenceCreationTime, '2024-05-01T10:00:00Z');
      assert.equal(result.body.evidence[0]?.sha1, null);
      assert.equal(result.body.rbacGroupName, 'Tier 0');
      assert.match(result.body.machineId ?? '', /^[0-9a-f]{40}$/);
      const user = await sim.call<{ accountName: string }>('GET', `/api/alerts/${given.id}/user`, {
        token: 'all',
      });
      assert.equal(user.body.accountName, 'bob');
    });

    it('should refuse a duplicate id with 409', async () => {
      assert.equal((await create({ id: 'dup-1' })).status, 201);
      const again = await create({ id: 'dup-1', title: 'other' });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'Conflict');
    });

    it('should create the machine of an unknown computerDnsName', async () => {
      const result = await create({ computerDnsName: 'laptop-new.contoso.local', severity: 'Low' });
      assert.equal(result.status, 201);
      const machine = await sim.call<MdeMachine>('GET', '/api/machines/laptop-new.contoso.local', {
        token: 'all',
      });
      assert.equal(machine.status, 200);
      assert.equal(machine.body.id, result.body.machineId);
      assert.match(machine.body.id, /^[0-9a-f]{40}$/);
      const machines = await sim.call<Collection<MdeMachine>>('GET', '/api/machines', { token: 'all' });
      assert.equal(machines.body.value.length, 26);
    });

    it('should answer an unknown machineId with 400 and create nothing', async () => {
      const result = await create({ machineId: 'f'.repeat(40) });
      assert.equal(result.status, 400);
      assert.equal(result.body.error.code, 'InvalidRequestBody');
      const alerts = await sim.call<Collection<MdeAlert>>('GET', '/api/alerts', { token: 'all' });
      assert.equal(alerts.body.value.length, 7);
    });

    it('should place an alert by machineId and derive the DNS name and group', async () => {
      const dc02 = await sim.call<MdeMachine>('GET', '/api/machines/dc02', { token: 'all' });
      const result = await create({ machineId: dc02.body.id, category: 'CredentialAccess' });
      assert.equal(result.body.computerDnsName, 'dc02.contoso.local');
      assert.equal(result.body.rbacGroupName, 'Tier 0');
      assert.equal(result.body.category, 'CredentialAccess');
    });

    const badBodies: Array<[string, unknown]> = [
      ['a bad severity', { severity: 'Critical' }],
      ['a bad status', { status: 'Open' }],
      ['a bad category', { category: 'Weird' }],
      ['a bad classification', { classification: 'Yes' }],
      ['a bad determination', { determination: 'Aliens' }],
      ['an unknown field', { Severity: 'High' }],
      ['a bad time', { alertCreationTime: 'yesterday' }],
      ['a bad evidence item', { evidence: [{ fileName: 'x' }] }],
    ];
    for (const [what, body] of badBodies) {
      it(`should answer ${what} with 400 InvalidRequestBody`, async () => {
        const result = await create(body);
        assert.equal(result.status, 400);
        assert.equal(result.body.error.code, 'InvalidRequestBody');
      });
    }

    it('should make a created alert visible to a lastUpdateTime poll', async () => {
      const before = new Date(Date.now() - 1000).toISOString();
      const created = await create({ title: 'Fresh', severity: 'Medium' });
      const polled = await sim.call<Collection<MdeAlert>>(
        'GET',
        `/api/alerts?$filter=${encodeURIComponent(`lastUpdateTime ge ${before}`)}`,
        { token: 'all' },
      );
      assert.deepEqual(
        polled.body.value.map((a) => a.id),
        [created.body.id],
      );
      assert.equal(created.body.description, 'Fresh was detected on fin-ws-001.contoso.local.');
    });
  });

  describe('POST /_sim/mde/alerts/bulk', () => {
    it('should create 10,000 alerts over 30 machines in well under a second', async () => {
      const started = Date.now();
      const result = await sim.call<{ ids: string[] }>('POST', '/_sim/mde/alerts/bulk', {
        body: { count: 10_000, machines: 30, template: { severity: 'High', category: 'Ransomware' } },
      });
      const elapsed = Date.now() - started;
      assert.equal(result.status, 201);
      assert.equal(result.body.ids.length, 10_000);
      assert.equal(new Set(result.body.ids).size, 10_000);
      assert.ok(elapsed < 1000, `took ${elapsed} ms`);
      const high = await sim.call<Collection<MdeAlert>>(
        'GET',
        "/api/alerts?$filter=category eq 'Ransomware' and severity eq 'High'&$count=true&$top=1",
        { token: 'all' },
      );
      assert.equal((high.body as { '@odata.count'?: number })['@odata.count'], 10_001);
      const machines = await sim.call<Collection<MdeMachine>>('GET', '/api/machines', { token: 'all' });
      assert.equal(machines.body.value.length, 30);
      assert.equal(machines.body.value[29]?.computerDnsName, 'bulk-00030.contoso.local');
      const one = await sim.call<MdeAlert>('GET', `/api/alerts/${result.body.ids[0]}?$expand=evidence`, {
        token: 'all',
      });
      assert.equal(one.body.severity, 'High');
      assert.ok(one.body.evidence.length > 0);
    });

    it('should put every alert on the template machine when it names one', async () => {
      const result = await sim.call<{ ids: string[] }>('POST', '/_sim/mde/alerts/bulk', {
        body: { count: 5, template: { computerDnsName: 'dc02.contoso.local' } },
      });
      assert.equal(result.status, 201);
      const count = await sim.call('GET', '/api/machines/dc02/alerts/$count', { token: 'all' });
      assert.equal(count.text, '5');
    });

    it('should refuse a count above the cap, a template id and a bad template', async () => {
      const bulk = (body: unknown) => sim.call<ErrorBody>('POST', '/_sim/mde/alerts/bulk', { body });
      assert.equal((await bulk({ count: 100_001 })).status, 400);
      assert.equal((await bulk({ count: 0 })).status, 400);
      assert.equal((await bulk({ count: 2, template: { id: 'x' } })).status, 400);
      assert.equal((await bulk({ count: 2, template: { severity: 'Severe' } })).status, 400);
      assert.equal(
        (await bulk({ count: 2, machines: 3, template: { computerDnsName: 'dc01' } })).status,
        400,
      );
    });
  });

  describe('GET /_sim/mde/machines/{id or dns name}', () => {
    it('should return the machine with its simulator state', async () => {
      const result = await sim.call<
        MdeMachine & { isolated: boolean; isolationType: unknown; scans: unknown[] }
      >('GET', '/_sim/mde/machines/dc01.contoso.local');
      assert.equal(result.status, 200);
      assert.equal(result.body.computerDnsName, 'dc01.contoso.local');
      assert.equal(result.body.isolated, false);
      assert.equal(result.body.isolationType, null);
      assert.deepEqual(result.body.scans, []);
      const byId = await sim.call<{ computerDnsName: string }>('GET', `/_sim/mde/machines/${result.body.id}`);
      assert.equal(byId.body.computerDnsName, 'dc01.contoso.local');
    });

    it('should reflect state that the machine actions change', async () => {
      const machine = sim.sim.ctx.state.findMachine('fs01');
      const state = sim.sim.ctx.state.machineState.get(machine?.id ?? '');
      assert.ok(state);
      state.isolated = true;
      state.isolationType = 'Selective';
      const result = await sim.call<{ isolated: boolean; isolationType: string }>(
        'GET',
        '/_sim/mde/machines/fs01',
      );
      assert.equal(result.body.isolated, true);
      assert.equal(result.body.isolationType, 'Selective');
    });

    it('should answer an unknown machine with 404', async () => {
      assert.equal((await sim.call('GET', '/_sim/mde/machines/nope.contoso.local')).status, 404);
    });
  });
});
