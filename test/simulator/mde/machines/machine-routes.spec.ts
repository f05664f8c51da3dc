import assert from 'node:assert/strict';
import type { MdeAlert, MdeMachine } from '../../../../src/simulator/model/mde-types';
import { TestSimulator } from '../../../helpers/sim-client';

type Collection<T> = { '@odata.context': string; '@odata.nextLink'?: string; value: T[] };
type ErrorBody = { error: { code: string; message: string } };

describe('MDE machine routes', () => {
  let sim: TestSimulator;
  let readToken: string;

  before(async () => {
    sim = await TestSimulator.start();
  });
  after(() => sim.stop());
  beforeEach(async () => {
    await sim.call('POST', '/_sim/reset');
    readToken = await sim.token(['Machine.Read.All']);
  });

  const hosts = async (query: string) => {
    const result = await sim.call<Collection<MdeMachine>>('GET', `/api/machines${query}`, {
      token: readToken,
    });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    return result.body.value.map((m) => m.computerDnsName.split('.')[0]);
  };
  const filter = (text: string) => hosts(`?$filter=${encodeURIComponent(text)}`);

  describe('GET /api/machines', () => {
    it('should list the 25 estate machines in an OData collection', async () => {
      const result = await sim.call<Collection<MdeMachine>>('GET', '/api/machines', { token: readToken });
      assert.equal(result.status, 200);
      assert.equal(
        result.body['@odata.context'],
        'https://api.securitycenter.microsoft.com/api/$metadata#Machines',
      );
      assert.equal(result.body.value.length, 25);
    });

    it('should filter on the documented properties', async () => {
      assert.deepEqual(await filter("computerDnsName eq 'DC01.contoso.local'"), ['dc01']);
      assert.deepEqual(await filter("machineTags/any(t: t eq 'tier0')"), ['dc01', 'dc02']);
      assert.deepEqual(await filter("startswith(computerDnsName,'fin-')"), ['fin-ws-001', 'fin-ws-002']);
      assert.deepEqual(await filter("riskScore eq 'High'"), ['fs01', 'fin-ws-001', 'helpdesk-ws-001']);
      assert.deepEqual(await filter("riskScore ge 'Medium' and osPlatform eq 'Linux'"), ['web01']);
      assert.deepEqual(await filter("healthStatus ne 'Active'"), [
        'backup01',
        'hr-ws-001',
        'exec-mac-001',
        'kiosk-ws-001',
      ]);
      assert.deepEqual(await filter("onboardingStatus eq 'CanBeOnboarded'"), ['kiosk-ws-001']);
      assert.deepEqual(await filter('rbacGroupId eq 1'), ['dc01', 'dc02']);
      assert.deepEqual(await filter("lastIpAddress eq '10.0.1.20'"), ['fs01']);
      assert.deepEqual(await filter("exposureLevel eq 'None' and deviceValue eq 'Low'"), [
        'mkt-mac-001',
        'kiosk-ws-001',
      ]);
      assert.equal((await filter("osPlatform eq 'macOS'")).length, 3);
      const aWeekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
      assert.deepEqual(await filter(`lastSeen lt ${aWeekAgo}`), ['hr-ws-001', 'kiosk-ws-001']);
      const dc01 = (
        await sim.call<MdeMachine>('GET', '/api/machines/dc01.contoso.local', { token: readToken })
      ).body;
      assert.deepEqual(await filter(`id eq '${dc01.id}'`), ['dc01']);
    });

    it('should page with $top and $skip', async () => {
      assert.deepEqual(await hosts('?$top=2&$skip=1'), ['dc02', 'fs01']);
    });

    it('should answer an unknown or unfilterable property with 400 ODataError', async () => {
      for (const [text, message] of [
        ["title eq 'x'", /Could not find a property named 'title' on type 'Machine'/],
        ["rbacGroupName eq 'Tier 0'", /cannot be used in the \$filter/],
        ["riskScore eq 'Severe'", /not a valid enumeration constant/],
      ] as const) {
        const result = await sim.call<ErrorBody>('GET', `/api/machines?$filter=${encodeURIComponent(text)}`, {
          token: readToken,
        });
        assert.equal(result.status, 400);
        assert.equal(result.body.error.code, 'ODataError');
        assert.match(result.body.error.message, message);
      }
    });

    it('should answer 401 without a token and 403 without a machine role', async () => {
      assert.equal((await sim.call('GET', '/api/machines')).status, 401);
      const alertOnly = await sim.token(['Alert.Read.All']);
      assert.equal((await sim.call('GET', '/api/machines', { token: alertOnly })).status, 403);
      const readWrite = await sim.token(['Machine.ReadWrite.All']);
      assert.equal((await sim.call('GET', '/api/machines', { token: readWrite })).status, 200);
    });

    it('should send @odata.nextLink past 10,000 machines', async () => {
      await sim.call('POST', '/_sim/mde/alerts/bulk', { body: { count: 1, machines: 10_000 } });
      await sim.call('POST', '/_sim/mde/alerts', { body: { computerDnsName: 'one-more.contoso.local' } });
      const first = await sim.call<Collection<MdeMachine>>('GET', '/api/machines', { token: readToken });
      assert.equal(first.body.value.length, 10_000);
      const next = new URL(first.body['@odata.nextLink'] ?? '');
      const rest = await sim.call<Collection<MdeMachine>>('GET', `${next.pathname}${next.search}`, {
        token: readToken,
      });
      assert.deepEqual(
        rest.body.value.map((m) => m.computerDnsName),
        ['one-more.contoso.local'],
      );
      assert.equal(rest.body['@odata.nextLink'], undefined);
    });
  });

  describe('GET /api/machines/{id}', () => {
    it('should return a machine by id or DNS name as an entity', async () => {
      const byName = await sim.call<MdeMachine & { '@odata.context': string }>(
        'GET',
        '/api/machines/dc02.contoso.local',
        {
          token: readToken,
        },
      );
      assert.equal(byName.status, 200);
      assert.equal(
        byName.body['@odata.context'],
        'https://api.securitycenter.microsoft.com/api/$metadata#Machines/$entity',
      );
      assert.match(byName.body.id, /^[0-9a-f]{40}$/);
      const byId = await sim.call<MdeMachine>('GET', `/api/machines/${byName.body.id}`, { token: readToken });
      assert.equal(byId.body.computerDnsName, 'dc02.contoso.local');
      assert.equal(byId.body.osPlatform, 'WindowsServer2019');
    });

    it('should answer an unknown machine with 404 NotFound', async () => {
      const result = await sim.call<ErrorBody>('GET', `/api/machines/${'0'.repeat(40)}`, {
        token: readToken,
      });
      assert.equal(result.status, 404);
      assert.equal(result.body.error.code, 'NotFound');
    });
  });

  describe('GET /api/machines/{id}/alerts and /alerts/$count', () => {
    it("should list a machine's alerts to an alert reader", async () => {
      const token = await sim.token(['Alert.Read.All']);
      const result = await sim.call<Collection<MdeAlert>>(
        'GET',
        '/api/machines/fin-ws-001.contoso.local/alerts',
        { token },
      );
      assert.equal(result.status, 200);
      assert.equal(
        result.body['@odata.context'],
        'https://api.securitycenter.microsoft.com/api/$metadata#Alerts',
      );
      assert.deepEqual(
        result.body.value.map((a) => a.category),
        ['Ransomware'],
      );
      assert.deepEqual(result.body.value[0]?.evidence, []);
      const filtered = await sim.call<Collection<MdeAlert>>(
        'GET',
        "/api/machines/fin-ws-001.contoso.local/alerts?$filter=status eq 'Resolved'",
        { token },
      );
      assert.deepEqual(filtered.body.value, []);
      assert.equal(
        (await sim.call('GET', '/api/machines/fin-ws-001.contoso.local/alerts', { token: readToken })).status,
        403,
      );
    });

    it('should answer 404 for the alerts of an unknown machine', async () => {
      const result = await sim.call<ErrorBody>('GET', '/api/machines/nosuchhost/alerts', { token: 'all' });
      assert.equal(result.status, 404);
      assert.equal(result.body.error.code, 'NotFound');
    });

    it('should count the matching alerts as a bare number', async () => {
      await sim.call('POST', '/_sim/mde/alerts', {
        body: { computerDnsName: 'dc01.contoso.local', status: 'Resolved' },
      });
      const all = await sim.call('GET', '/api/machines/dc01.contoso.local/alerts/$count', { token: 'all' });
      assert.equal(all.status, 200);
      assert.equal(all.text, '2');
      assert.match(all.headers.get('content-type') ?? '', /^text\/plain/);
      const open = await sim.call(
        'GET',
        `/api/machines/dc01.contoso.local/alerts/$count?$filter=${encodeURIComponent("status ne 'Resolved'")}`,
        { token: 'all' },
      );
      assert.equal(open.text, '1');
      assert.equal(
        (await sim.call('GET', '/api/machines/unknown/alerts/$count', { token: 'all' })).status,
        404,
      );
      const bad = await sim.call<ErrorBody>('GET', '/api/machines/dc01/alerts/$count?$filter=nope%20eq%201', {
        token: 'all',
      });
      assert.equal(bad.body.error.code, 'ODataError');
    });
  });
});
