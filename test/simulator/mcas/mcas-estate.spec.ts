import assert from 'node:assert/strict';
import { buildMcasAlerts } from '../../../src/simulator/mcas/mcas-estate';
import { TestSimulator } from '../../helpers/sim-client';
import { NOW } from './helpers/mcas-fixtures';

const user = (accountName: string, machineIds: string[] = ['m1']) => ({ user: { accountName }, machineIds });

describe('MCAS estate alerts', () => {
  it('should raise three open alerts, each naming one user by UPN and name', () => {
    const alerts = buildMcasAlerts([user('alice'), user('bob'), user('carol'), user('dave')], NOW);
    assert.equal(alerts.length, 3);
    assert.deepEqual(
      alerts.map((alert) => alert.title),
      ['Impossible travel activity', 'Mass download by a single user', 'Suspicious inbox forwarding'],
    );
    alerts.forEach((alert, index) => {
      const name = ['alice', 'bob', 'carol'][index];
      const account = alert.entities.find((entity) => entity.type === 'account');
      assert.equal(account?.pa, `${name}@contoso.com`);
      assert.equal(account?.label, name);
      assert.equal(alert.resolutionStatusValue, 0);
      assert.ok(alert.timestamp < NOW && alert.timestamp > NOW - 86_400_000);
      assert.ok(alert.entities.some((entity) => entity.type === 'service'));
      assert.ok(alert.entities.some((entity) => entity.type === 'policyRule'));
      assert.equal(alert.URL, `https://contoso.portal.cloudappsecurity.com/#/alerts/${alert._id}`);
    });
  });

  it('should keep the same ids on every start', () => {
    const first = buildMcasAlerts([user('alice'), user('bob'), user('carol')], NOW);
    const later = buildMcasAlerts([user('alice'), user('bob'), user('carol')], NOW + 86_400_000);
    assert.deepEqual(
      first.map((alert) => alert._id),
      later.map((alert) => alert._id),
    );
    assert.equal(new Set(first.map((alert) => alert._id)).size, 3);
  });

  it('should prefer users who log on to machines', () => {
    const alerts = buildMcasAlerts([user('ghost', []), user('alice'), user('bob')], NOW);
    assert.deepEqual(
      alerts.map((alert) => alert.entities.find((e) => e.type === 'account')?.label),
      ['alice', 'bob', 'ghost'],
    );
  });

  it('should raise no more alerts than there are users', () => {
    assert.equal(buildMcasAlerts([user('alice')], NOW).length, 1);
    assert.deepEqual(buildMcasAlerts([], NOW), []);
  });

  it('should be the running simulator’s MCAS estate, naming its MDE users', async () => {
    const sim = await TestSimulator.start();
    try {
      const result = await sim.call<{
        total: number;
        data: Array<{ entities: Array<{ type: string; label: string }> }>;
      }>('POST', '/mcas/api/v1/alerts/', {
        headers: { authorization: 'Token vigil-demo-secret' },
        body: { filters: { alertOpen: { eq: true } } },
      });
      assert.equal(result.status, 200);
      assert.ok(result.body.total >= 2 && result.body.total <= 3, `total ${result.body.total}`);
      for (const alert of result.body.data) {
        const account = alert.entities.find((entity) => entity.type === 'account');
        assert.ok(account && sim.sim.ctx.state.users.has(account.label), `${account?.label} is an MDE user`);
      }
    } finally {
      await sim.stop();
    }
  });
});
