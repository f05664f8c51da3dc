import assert from 'node:assert/strict';
import { TestSimulator } from '../helpers/sim-client';

describe('simulator control routes', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await TestSimulator.start();
  });
  after(() => sim.stop());

  it('should count calls per route template in /_sim/stats', async () => {
    await sim.call('POST', '/_sim/reset');
    await sim.call('GET', '/_sim/token');
    await sim.call('GET', '/_sim/token?roles=Alert.Read.All');
    const stats = await sim.call<{ requests: Record<string, number> }>('GET', '/_sim/stats');
    assert.equal(stats.body.requests['GET /_sim/token'], 2);
  });
});
