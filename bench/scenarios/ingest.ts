import type { IngestOutcome } from '../../src/services/ingest/alert-ingestor';
import { addLatencies, nowMs, resultsOf, type Scenario } from '../bench-kit';
import { benchAlert } from './bench-alerts';
import { openIngestRig, tally } from './ingest-store';

const COUNT = 5_000;

/** 5,000 distinct alerts (distinct titles, 500 machines) through the real ingestor on a SQLite file. */
export const ingestScenario: Scenario = {
  name: 'ingest',
  async run() {
    const out = resultsOf('ingest');
    const start = Date.now();
    const alerts = Array.from({ length: COUNT }, (_, n) =>
      benchAlert(n, `Distinct alert title ${n}`, n % 500, new Date(start - 60_000 + n).toISOString()),
    );
    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    const rig = await openIngestRig({ now: () => Date.now() });
    try {
      const latencies: number[] = [];
      const outcomes: IngestOutcome[] = [];
      const began = nowMs();
      for (const [index, alert] of alerts.entries()) {
        const t0 = nowMs();
        outcomes.push(await rig.ingestor.ingest(alert));
        latencies.push(nowMs() - t0);
        if (index % 100 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      }
      const elapsedMs = nowMs() - began;
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      const counts = tally(outcomes);
      out.add('alerts ingested', COUNT, 'alerts');
      out.add('new cards queued', counts.new, 'cards');
      out.add('throughput', COUNT / (elapsedMs / 1000), 'alerts/s');
      addLatencies(out, 'ingest', latencies);
      out.add('peak RSS delta', (rssPeak - rssBefore) / 1024 / 1024, 'MiB');
      out.add('stored alerts', await rig.store.repos.alerts.count(), 'alerts');
    } finally {
      await rig.close();
    }
    return out.results;
  },
};
