import assert from 'node:assert/strict';
import {
  countDefenderCalls,
  defenderMetricsLog,
  familyOfRoute,
  mdeMethodFamily,
} from '../../src/app/instrument-defender';
import { silentLogger } from '../../src/services/ports/logger.port';
import { type Metrics, noMetrics } from '../../src/services/ports/metrics.port';

function recordingMetrics() {
  const calls: [string, string][] = [];
  const metrics: Metrics = { ...noMetrics, defenderCall: (family, outcome) => calls.push([family, outcome]) };
  return { metrics, calls };
}

describe('instrument-defender', () => {
  it('should name the rate family of a route', () => {
    assert.equal(familyOfRoute('mde', 'GET /api/alerts'), 'mde');
    assert.equal(familyOfRoute('mde', 'POST /api/alerts/batchUpdate'), 'mde-batch');
    assert.equal(familyOfRoute('mde', 'POST /api/advancedqueries/run'), 'hunting');
    assert.equal(familyOfRoute('mcas', 'POST /api/v1/alerts/'), 'mcas');
    assert.equal(mdeMethodFamily('runHuntingQuery'), 'hunting');
    assert.equal(mdeMethodFamily('updateAlerts'), 'mde-batch');
    assert.equal(mdeMethodFamily('listAlerts'), 'mde');
  });

  it('should count each repeated call as a retry, or as throttled after a 429, and pass the line on', () => {
    const { metrics, calls } = recordingMetrics();
    const lines: string[] = [];
    const logger = {
      ...silentLogger,
      child: () => ({ ...silentLogger, warn: (_f: unknown, m: string) => lines.push(m) }),
    };
    const log = defenderMetricsLog(logger, metrics);
    log.warn(
      { route: 'GET /api/alerts', failure: 'HTTP 429 TooManyRequests' },
      'MDE call failed; trying again',
    );
    log.warn({ route: 'POST /api/advancedqueries/run', failure: 'timeout' }, 'MDE call failed; trying again');
    log.warn({ route: 'POST /api/v1/alerts/', failure: 'HTTP 503' }, 'MCAS call failed; trying again');
    assert.deepEqual(calls, [
      ['mde', 'throttled'],
      ['hunting', 'retry'],
      ['mcas', 'retry'],
    ]);
    assert.equal(lines.length, 3);
  });

  it('should count calls that resolve as ok and calls that reject as failed, passing both through', async () => {
    const { metrics, calls } = recordingMetrics();
    class Client {
      readonly name = 'client';
      async listAlerts(n: number) {
        return [n, this.name];
      }
      async getAlert(): Promise<never> {
        throw new Error('not found');
      }
      sync() {
        return 'plain';
      }
    }
    const client = countDefenderCalls(new Client(), mdeMethodFamily, metrics);
    assert.deepEqual(await client.listAlerts(3), [3, 'client']);
    await assert.rejects(client.getAlert(), /not found/);
    assert.equal(client.sync(), 'plain');
    assert.equal(client.name, 'client');
    assert.deepEqual(calls, [
      ['mde', 'ok'],
      ['mde', 'failed'],
    ]);
  });
});
