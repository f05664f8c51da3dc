import { createDefenderClients } from '../../src/adapters/defender/create-defender-clients';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SIM_TENANT_ID } from '../../src/simulator/auth/sim-credentials';
import { startSimulator } from '../../src/simulator/simulator';
import { nowMs, resultsOf, type Scenario } from '../bench-kit';
import { seedAlerts } from './seed-alerts';

const READS = 250;
const SCALE = 0.02;

/**
 * The real Defender client reading alerts 250 times in a row against the simulator, both with rate
 * windows scaled by 0.02 (MDE's 100 calls a minute become 100 per 1.2 s). The client's own rate budget
 * should pace the burst so that the simulator never answers 429.
 */
export const clientBurstScenario: Scenario = {
  name: 'client-burst',
  async run() {
    const out = resultsOf('client-burst');
    const sim = await startSimulator({ port: 0, settings: { rateTimeScale: SCALE } });
    let throttled = 0;
    let otherRetries = 0;
    const defender = createDefenderClients(
      {
        tenantId: SIM_TENANT_ID,
        clientId: DEMO_CLIENT_ID,
        credential: { kind: 'secret', secret: DEMO_CLIENT_SECRET },
        authorityHost: sim.authUrl,
        mdeBaseUrl: sim.url,
        mdeScope: 'https://api.securitycenter.microsoft.com/.default',
        trustedCaPem: sim.caCertPem,
        timeoutMs: 5_000,
        maxRetries: 4,
        rateTimeScale: SCALE,
      },
      {
        log: {
          warn: (fields) => {
            if (String(fields.failure).startsWith('HTTP 429')) throttled += 1;
            else otherRetries += 1;
          },
        },
      },
    );
    try {
      await seedAlerts(sim.url);
      await defender.tokens.getToken();
      const began = nowMs();
      let alerts = 0;
      for (let i = 0; i < READS; i += 1) {
        alerts = (await defender.mde.listAlerts({ maxAlerts: 100, statuses: ['new', 'inProgress'] })).length;
      }
      const elapsedMs = nowMs() - began;
      const served = sim.ctx.state.stats.get('GET /api/alerts') ?? 0;
      out.add('listAlerts calls', READS, 'calls');
      out.add('alerts per call', alerts, 'alerts');
      out.add('HTTP requests received', served, 'requests');
      out.add('total time', elapsedMs, 'ms');
      out.add('429s seen by client', throttled, 'responses');
      out.add('other retries', otherRetries, 'retries');
    } finally {
      defender.close();
      await sim.stop();
    }
    return out.results;
  },
};
