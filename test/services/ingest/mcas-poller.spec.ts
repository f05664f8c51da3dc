import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Alert } from '../../../src/domain/alerts/alert';
import {
  createMcasPoller,
  MCAS_CHECKPOINT,
  type McasPollerDeps,
} from '../../../src/services/ingest/mcas-poller';
import type { Store } from '../../../src/services/ports/store.port';
import { FakeAlertSource } from './helpers/fake-alert-source';
import {
  at,
  kinds,
  openTestStore,
  RecordingMetrics,
  recordingLogger,
  TestClock,
  takeOutbox,
  testAlert,
  testIngestor,
} from './helpers/ingest-fixtures';

const config = { pollIntervalS: 30, firstFetchHours: 2, mcasPollIntervalS: 300 };

/** An MCAS alert raised at `at(seconds)` (MCAS alerts have no machine). */
const mcasAt = (n: number, seconds: number, changes: Partial<Alert> = {}): Alert => {
  const { machine: _machine, ...alert } = testAlert({
    id: `5f${String(n).padStart(22, '0')}`,
    source: 'mcas',
    title: `Impossible travel ${n}`,
    detectionSource: 'cloudAppSecurity',
    createdAt: at(seconds),
    updatedAt: at(seconds),
    ...changes,
  });
  return alert;
};

describe('createMcasPoller', () => {
  let store: Store;
  let source: FakeAlertSource;
  let clock: TestClock;

  beforeEach(async () => {
    store = await openTestStore();
    source = new FakeAlertSource('createdAt');
    clock = new TestClock(Date.parse(at(7200)));
  });
  afterEach(() => store.close());

  const poller = (extra: Partial<McasPollerDeps> = {}) =>
    createMcasPoller({
      mcas: source,
      store,
      ingestor: testIngestor(store),
      clock,
      logger: recordingLogger(),
      metrics: new RecordingMetrics(),
      config,
      ...extra,
    });

  it('should ask for alerts raised since its checkpoint, and follow their creation times', async () => {
    source.put(mcasAt(1, 100), mcasAt(2, 200, { status: 'resolved', updatedAt: at(5000) }));
    const p = poller();

    assert.deepEqual(await p.pollOnce(), { fetched: 2, ingested: 2 });
    assert.deepEqual(source.calls[0], { since: at(0), maxAlerts: 1_000 });
    assert.deepEqual(await store.repos.checkpoints.get(MCAS_CHECKPOINT), {
      watermark: at(200),
      idsAtWatermark: [mcasAt(2, 200).id],
    });

    source.put(mcasAt(3, 200));
    assert.deepEqual(await p.pollOnce(), { fetched: 2, ingested: 1 });
    assert.equal(source.calls[1]?.since, at(200));
    assert.deepEqual(kinds(await takeOutbox(store)), ['postCard', 'postCard']);
  });

  it('should drain a backlog larger than one read', async () => {
    for (let n = 0; n < 2_500; n += 1) source.put(mcasAt(n, n));
    const p = poller();
    await p.pollOnce();
    await p.pollOnce();
    await p.pollOnce();
    assert.deepEqual(
      source.calls.map((call) => call.maxAlerts),
      [1_000, 2_000, 4_000],
    );
    assert.equal(await store.repos.alerts.count(), 2_500);
    assert.equal((await store.repos.checkpoints.get(MCAS_CHECKPOINT))?.watermark, at(2_499));
  });

  it('should not start when mcasPollIntervalS is 0', async () => {
    const timers = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const p = poller({ config: { ...config, mcasPollIntervalS: 0 } });
      p.start();
      await timers.tickAsync(3_600_000);
      await p.stop();
      assert.equal(source.calls.length, 0);
    } finally {
      timers.restore();
    }
  });
});
