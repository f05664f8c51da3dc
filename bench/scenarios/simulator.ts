import { startSimulator } from '../../src/simulator/simulator';
import { addLatencies, nowMs, resultsOf, type Scenario } from '../bench-kit';
import { seedAlerts } from './seed-alerts';

const ALERT_READS = 500;
const HUNTS = 50;
const HUNT_QUERY =
  'DeviceProcessEvents | where ProcessCommandLine contains "powershell" | summarize count() by DeviceName';

/** Times one request; fails on a status other than 200. Returns the parsed body and the latency. */
async function timed(url: string, init: RequestInit): Promise<{ ms: number; body: unknown }> {
  const t0 = nowMs();
  const response = await fetch(url, init);
  const text = await response.text();
  const ms = nowMs() - t0;
  if (response.status !== 200)
    throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return { ms, body: JSON.parse(text) as unknown };
}

/**
 * The simulator's own speed: 500 alert-list reads and 50 hunting queries, one after another. Its rate
 * limiter's windows are shrunk (time scale 0.0001: a minute lasts 6 ms) so it measures serving, not
 * throttling; any non-200 answer fails the scenario.
 */
export const simulatorScenario: Scenario = {
  name: 'simulator',
  async run() {
    const out = resultsOf('simulator');
    const sim = await startSimulator({ port: 0, settings: { rateTimeScale: 0.0001 } });
    try {
      await seedAlerts(sim.url);
      const tokenRes = await timed(`${sim.url}/_sim/token`, { method: 'GET' });
      const token = (tokenRes.body as { access_token: string }).access_token;
      const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };

      const alertLatencies: number[] = [];
      let alertsSeen = 0;
      for (let i = 0; i < ALERT_READS; i += 1) {
        const res = await timed(`${sim.url}/api/alerts?$top=100`, { method: 'GET', headers });
        alertLatencies.push(res.ms);
        alertsSeen = (res.body as { value: unknown[] }).value.length;
      }
      const huntLatencies: number[] = [];
      let rows = 0;
      for (let i = 0; i < HUNTS; i += 1) {
        const res = await timed(`${sim.url}/api/advancedqueries/run`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ Query: HUNT_QUERY }),
        });
        huntLatencies.push(res.ms);
        rows = (res.body as { Results: unknown[] }).Results.length;
      }
      out.add('GET /api/alerts?$top=100 calls', ALERT_READS, 'requests');
      out.add('alerts per response', alertsSeen, 'alerts');
      addLatencies(out, 'GET /api/alerts', alertLatencies);
      out.add('hunting queries', HUNTS, 'requests');
      out.add('hunting result rows', rows, 'rows');
      addLatencies(out, 'hunting query', huntLatencies);
    } finally {
      await sim.stop();
    }
    return out.results;
  },
};
