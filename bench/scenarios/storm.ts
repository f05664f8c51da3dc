import type { IngestOutcome } from '../../src/services/ingest/alert-ingestor';
import { addLatencies, nowMs, resultsOf, type Scenario } from '../bench-kit';
import { benchAlert } from './bench-alerts';
import { drainOutbox, openIngestRig, tally } from './ingest-store';

const COUNT = 5_000;
const MACHINES = 500;

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

/** 5,000 alerts of one title over 500 machines, all within one storm window: they fold into a few cards. */
export const stormScenario: Scenario = {
  name: 'storm',
  async run() {
    const out = resultsOf('storm');
    const start = Date.now();
    const alerts = Array.from({ length: COUNT }, (_, n) =>
      benchAlert(
        n,
        'Suspicious PowerShell command line',
        n % MACHINES,
        new Date(start - 60_000 + n).toISOString(),
      ),
    );
    const rig = await openIngestRig({ now: () => Date.now() });
    try {
      const outcomes: IngestOutcome[] = [];
      const latencies: number[] = [];
      const began = nowMs();
      for (const alert of alerts) {
        const t0 = nowMs();
        outcomes.push(await rig.ingestor.ingest(alert));
        latencies.push(nowMs() - t0);
      }
      const elapsedMs = nowMs() - began;
      const counts = tally(outcomes);
      const queued = await drainOutbox(rig.store);
      out.add('alerts ingested', COUNT, 'alerts');
      out.add('cards queued (postCard)', queued.postCard ?? 0, 'cards');
      out.add('alerts folded', counts.folded, 'alerts');
      out.add('card updates queued', queued.updateCard ?? 0, 'items');
      out.add('throughput', COUNT / (elapsedMs / 1000), 'alerts/s');
      addLatencies(out, 'ingest', latencies);
      out.add('last 500 ingests mean', mean(latencies.slice(-500)), 'ms');
    } finally {
      await rig.close();
    }
    return out.results;
  },
};
