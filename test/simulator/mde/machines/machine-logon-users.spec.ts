import assert from 'node:assert/strict';
import type { MdeMachine } from '../../../../src/simulator/model/mde-types';
import { TestSimulator } from '../../../helpers/sim-client';

type LogonUser = {
  id: string;
  accountName: string;
  accountDomain: string;
  accountSid: string;
  firstSeen: string;
  lastSeen: string;
  logonTypes: string;
  logOnMachinesCount: number;
  isDomainAdmin: boolean;
  isOnlyNetworkUser: boolean;
};
type Collection<T> = { '@odata.context': string; value: T[] };
type ErrorBody = { error: { code: string; message: string } };

describe('MDE machine routes: GET /api/machines/{id}/logonusers', () => {
  let sim: TestSimulator;
  let userToken: string;

  before(async () => {
    sim = await TestSimulator.start();
  });
  after(() => sim.stop());
  beforeEach(async () => {
    await sim.call('POST', '/_sim/reset');
    userToken = await sim.token(['User.Read.All']);
  });

  const logonUsers = (machine: string, token = userToken) =>
    sim.call<Collection<LogonUser>>('GET', `/api/machines/${encodeURIComponent(machine)}/logonusers`, {
      token,
    });
  const machineId = async (dnsName: string) => {
    const token = await sim.token(['Machine.Read.All']);
    const result = await sim.call<MdeMachine>('GET', `/api/machines/${dnsName}`, { token });
    assert.equal(result.status, 200);
    return result.body.id;
  };

  it('should list the users of a machine as a #Users collection, most recently seen first', async () => {
    const result = await logonUsers(await machineId('jump01.contoso.local'));
    assert.equal(result.status, 200);
    assert.equal(
      result.body['@odata.context'],
      'https://api.securitycenter.microsoft.com/api/$metadata#Users',
    );
    assert.deepEqual(
      result.body.value.map((user) => user.id),
      ['contoso\\bob', 'contoso\\grace'],
    );
    const [bob, grace] = result.body.value;
    assert.ok(bob && grace);
    assert.ok(Date.parse(bob.lastSeen) > Date.parse(grace.lastSeen));
    assert.equal(bob.accountName, 'bob');
    assert.equal(bob.accountDomain, 'contoso');
    assert.match(bob.accountSid, /^S-1-5-21-/);
    assert.equal(bob.isDomainAdmin, true);
    assert.equal(grace.isDomainAdmin, false);
    assert.equal(bob.logOnMachinesCount, 3);
    assert.equal(bob.isOnlyNetworkUser, false);
    assert.ok(Date.parse(bob.firstSeen) < Date.parse(bob.lastSeen));
    assert.deepEqual(Object.keys(bob).sort(), [
      'accountDomain',
      'accountName',
      'accountSid',
      'firstSeen',
      'id',
      'isDomainAdmin',
      'isOnlyNetworkUser',
      'lastSeen',
      'logOnMachinesCount',
      'logonTypes',
    ]);
  });

  it('should order the users of another shared machine by lastSeen too', async () => {
    const result = await logonUsers('build01');
    assert.deepEqual(
      result.body.value.map((user) => user.accountName),
      ['dave', 'heidi'],
    );
  });

  it('should find the machine by DNS name or short host name, as GET /api/machines/{id} does', async () => {
    const byId = await logonUsers(await machineId('fin-ws-001.contoso.local'));
    const byDns = await logonUsers('FIN-WS-001.contoso.local');
    const byHost = await logonUsers('fin-ws-001');
    assert.deepEqual(
      byId.body.value.map((user) => user.accountName),
      ['alice'],
    );
    assert.deepEqual(byDns.body.value, byId.body.value);
    assert.deepEqual(byHost.body.value, byId.body.value);
  });

  it('should answer 200 with an empty collection for a machine nobody logs on to', async () => {
    const result = await logonUsers('web01');
    assert.equal(result.status, 200);
    assert.deepEqual(result.body.value, []);
  });

  it('should answer 404 NotFound for an unknown machine', async () => {
    for (const machine of ['f'.repeat(40), 'no-such-host']) {
      const result = await sim.call<ErrorBody>('GET', `/api/machines/${machine}/logonusers`, {
        token: userToken,
      });
      assert.equal(result.status, 404, machine);
      assert.equal(result.body.error.code, 'NotFound');
    }
  });

  it('should answer 401 without a token and 403 without User.Read.All', async () => {
    assert.equal((await sim.call('GET', '/api/machines/jump01/logonusers')).status, 401);
    const machineOnly = await sim.token(['Machine.ReadWrite.All', 'Alert.ReadWrite.All']);
    const refused = await sim.call<ErrorBody>('GET', '/api/machines/jump01/logonusers', {
      token: machineOnly,
    });
    assert.equal(refused.status, 403);
  });

  it('should be counted under its template and spend the MDE budget shared with machine reads', async () => {
    await logonUsers('jump01');
    const stats = await sim.call<{ requests: Record<string, number> }>('GET', '/_sim/stats');
    assert.equal(stats.body.requests['GET /api/machines/{id}/logonusers'], 1);
    for (let i = 1; i < 100; i += 1) assert.equal((await logonUsers('jump01')).status, 200, `call ${i + 1}`);
    const limited = await logonUsers('jump01');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    const token = await sim.token(['Machine.Read.All']);
    assert.equal((await sim.call('GET', '/api/machines', { token })).status, 429);
  });
});
