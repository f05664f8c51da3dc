import assert from 'node:assert/strict';
import type { MdeMachine } from '../../../../src/simulator/model/mde-types';
import { TestSimulator } from '../../../helpers/sim-client';

type Collection<T> = { '@odata.context': string; value: T[] };

describe('MDE user routes: GET /api/users/{name}/machines', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await TestSimulator.start();
  });
  after(() => sim.stop());
  beforeEach(() => sim.call('POST', '/_sim/reset'));

  const machinesOf = async (name: string, token: string) =>
    sim.call<Collection<MdeMachine>>('GET', `/api/users/${encodeURIComponent(name)}/machines`, { token });

  it('should list the machines a user logs on to, by user name, most used first', async () => {
    const token = await sim.token(['Machine.ReadWrite.All']);
    const result = await machinesOf('alice', token);
    assert.equal(result.status, 200);
    assert.equal(
      result.body['@odata.context'],
      'https://api.securitycenter.microsoft.com/api/$metadata#Machines',
    );
    assert.deepEqual(
      result.body.value.map((m) => m.computerDnsName),
      ['fin-ws-001.contoso.local', 'fs01.contoso.local'],
    );
    const bob = await machinesOf('Bob', token);
    assert.deepEqual(
      bob.body.value.map((m) => m.computerDnsName.split('.')[0]),
      ['it-ws-001', 'jump01', 'dc01'],
    );
  });

  it('should accept Machine.Read.All too', async () => {
    const result = await machinesOf('judy', await sim.token(['Machine.Read.All']));
    assert.equal(result.body.value.length, 2);
  });

  it('should answer an unknown user, a UPN or a domain\\name with 200 and an empty set', async () => {
    const token = await sim.token(['Machine.ReadWrite.All']);
    for (const name of ['mallory', 'alice@contoso.com', 'contoso\\alice']) {
      const result = await machinesOf(name, token);
      assert.equal(result.status, 200, name);
      assert.deepEqual(result.body.value, [], name);
    }
  });

  it('should answer 401 without a token and 403 without a machine role', async () => {
    assert.equal((await sim.call('GET', '/api/users/alice/machines')).status, 401);
    const alertOnly = await sim.token(['Alert.Read.All', 'User.Read.All']);
    assert.equal((await machinesOf('alice', alertOnly)).status, 403);
  });
});
