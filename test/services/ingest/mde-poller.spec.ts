import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Alert } from '../../../src/domain/alerts/alert';
import { VigilError } from '../../../src/domain/errors/vigil-error';
import type { AlertIngestor } from '../../../src/services/ingest/alert-ingestor';
import { createMdePoller, MDE_CHECKPOINT, type MdePollerDeps } from '../../../src/services/ingest/mde-poller';
import type { Store } from '../../../src/services/ports/store.port';
import { deferred, FakeAlertSource } from './helpers/fake-alert-source';
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

const config = { pollIntervalS: 30, firstFetchHours: 24, mcasPollIntervalS: 300 };
const NOW = at(7200);

/** Alert `n`, created and updated at `at(seconds)`, with a title of its own (no storm folding). */
const alertAt = (n: number, seconds: number, changes: Partial<Alert> = {}) =>
  testAlert({
    id: `alert-${n}`,
    title: `Alert ${n}`,
    createdAt: at(seconds),
    updatedAt: at(seconds),
    ...changes,
  });

describe('createMdePoller', () => {
  let store: Store;
  let source: FakeAlertSource;
  let clock: TestClock;
  let metrics: RecordingMetrics;
  let lines: { level: string; fields: Record<string, unknown>; message: string }[];
  /** Ids handed to the ingestor, in order. */
  let ingested: string[];
  /** When set, the ingest of this id fails once. */
  let failOn: string | undefined;
  let ingestor: AlertIngestor;

  beforeEach(async () => {
    store = await openTestStore();
    source = new FakeAlertSource('updatedAt');
    clock = new TestClock(Date.parse(NOW));
    metrics = new RecordingMetrics();
    lines = [];
    ingested = [];
    failOn = undefined;
    const real = testIngestor(store);
    ingestor = {
      async ingest(alert) {
        ingested.push(alert.id);
        if (alert.id === failOn) {
          failOn = undefined;
          throw new VigilError('STORE.BUSY', 'Busy.');
        }
        return real.ingest(alert);
      },
    };
  });
  afterEach(() => store.close());

  const poller = (extra: Partial<MdePollerDeps> = {}) =>
    createMdePoller({
      mde: source,
      store,
      ingestor,
      clock,
      logger: recordingLogger(lines),
      metrics,
      config,
      ...extra,
    });

  it('should first look back firstFetchHours, with evidence, and remember where it stopped', async () => {
    source.put(alertAt(1, 100), alertAt(2, 50));

    assert.deepEqual(await poller().pollOnce(), { fetched: 2, ingested: 2 });

    assert.deepEqual(source.calls, [
      { since: at(7200 - 24 * 3600), maxAlerts: 10_000, includeEvidence: true },
    ]);
    assert.deepEqual(ingested, ['alert-2', 'alert-1'], 'oldest update first');
    assert.deepEqual(await store.repos.checkpoints.get(MDE_CHECKPOINT), {
      watermark: at(100),
      idsAtWatermark: ['alert-1'],
    });
    assert.deepEqual(kinds(await takeOutbox(store)), ['postCard', 'postCard']);
  });

  it('should keep the first-fetch window when the first poll finds nothing', async () => {
    await poller().pollOnce();
    clock.advance(3_600_000);
    await poller().pollOnce();
    assert.deepEqual(
      source.calls.map((call) => call.since),
      [at(7200 - 24 * 3600), at(7200 - 24 * 3600)],
    );
  });

  it('should neither skip nor repeat two alerts updated at the same instant across polls', async () => {
    const p = poller();
    source.put(alertAt(1, 100));
    assert.deepEqual(await p.pollOnce(), { fetched: 1, ingested: 1 });

    source.put(alertAt(2, 100));
    assert.deepEqual(await p.pollOnce(), { fetched: 2, ingested: 1 });
    assert.deepEqual(source.calls[1]?.since, at(100));
    assert.deepEqual(await store.repos.checkpoints.get(MDE_CHECKPOINT), {
      watermark: at(100),
      idsAtWatermark: ['alert-1', 'alert-2'],
    });

    assert.deepEqual(await poller().pollOnce(), { fetched: 2, ingested: 0 }, 'nor after a restart');
    source.put(alertAt(1, 100, { status: 'resolved', updatedAt: at(200) }));
    assert.deepEqual(await p.pollOnce(), { fetched: 2, ingested: 1 }, 'a later update is a new version');
    assert.deepEqual(ingested, ['alert-1', 'alert-2', 'alert-1']);
    assert.deepEqual(kinds(await takeOutbox(store)), ['postCard', 'postCard', 'updateCard', 'reply']);
  });

  it('should resume after an ingest fails midway, without ingesting the first alerts again', async () => {
    source.put(...[1, 2, 3, 4, 5].map((n) => alertAt(n, n * 10)));
    failOn = 'alert-3';

    await assert.rejects(poller().pollOnce(), { code: 'STORE.BUSY' });
    assert.deepEqual(await store.repos.checkpoints.get(MDE_CHECKPOINT), {
      watermark: at(20),
      idsAtWatermark: ['alert-2'],
    });

    assert.deepEqual(await poller().pollOnce(), { fetched: 4, ingested: 3 });
    assert.deepEqual(ingested, ['alert-1', 'alert-2', 'alert-3', 'alert-3', 'alert-4', 'alert-5']);
    assert.equal(kinds(await takeOutbox(store)).length, 5);
  });

  it('should keep its checkpoint when Defender fails, and read the same alerts next time', async () => {
    source.put(alertAt(1, 10));
    source.failNext = new VigilError('DEFENDER.UNAVAILABLE', 'Defender is unavailable.');

    await assert.rejects(poller().pollOnce(), { code: 'DEFENDER.UNAVAILABLE' });
    assert.equal(await store.repos.checkpoints.get(MDE_CHECKPOINT), undefined);
    assert.deepEqual(await poller().pollOnce(), { fetched: 1, ingested: 1 });
  });

  it('should drain a 12,000-alert backlog over polls without losing or repeating one', async function () {
    this.timeout(120_000);
    for (let n = 0; n < 12_000; n += 1) source.put(alertAt(n, Math.floor(n / 3)));
    const p = poller();

    const first = await p.pollOnce();
    assert.deepEqual(first, { fetched: 10_000, ingested: 10_000 });
    const held = await store.repos.checkpoints.get(MDE_CHECKPOINT);
    assert.equal(held?.watermark, at(7200 - 24 * 3600), 'a cut-short read must not move the checkpoint');

    const second = await p.pollOnce();
    assert.deepEqual(second, { fetched: 12_000, ingested: 2_000 });
    assert.deepEqual(
      source.calls.map((call) => call.maxAlerts),
      [10_000, 20_000],
    );
    assert.equal(new Set(ingested).size, 12_000);
    assert.equal(ingested.length, 12_000);
    assert.equal(await store.repos.alerts.count(), 12_000);
    assert.equal(kinds(await takeOutbox(store)).filter((kind) => kind === 'postCard').length, 12_000);
    assert.deepEqual(await store.repos.checkpoints.get(MDE_CHECKPOINT), {
      watermark: at(3999),
      idsAtWatermark: ['alert-11997', 'alert-11998', 'alert-11999'],
    });

    assert.deepEqual(await p.pollOnce(), { fetched: 3, ingested: 0 });
    assert.equal(source.calls[2]?.maxAlerts, 10_000, 'back to the normal read once caught up');
  });

  it('should read again, but not post again, an alert too recent to move the checkpoint past', async () => {
    const recent = alertAt(1, 7190);
    source.put(alertAt(0, 100), recent);
    const p = poller();

    assert.deepEqual(await p.pollOnce(), { fetched: 2, ingested: 2 });
    assert.equal((await store.repos.checkpoints.get(MDE_CHECKPOINT))?.watermark, at(100));
    assert.deepEqual(await p.pollOnce(), { fetched: 2, ingested: 0 }, 'this process remembers it');

    const restarted = poller();
    assert.deepEqual(await restarted.pollOnce(), { fetched: 2, ingested: 1 });
    assert.deepEqual(kinds(await takeOutbox(store)), ['postCard', 'postCard'], 'no second card');

    clock.advance(120_000);
    await restarted.pollOnce();
    assert.equal((await store.repos.checkpoints.get(MDE_CHECKPOINT))?.watermark, at(7190));
  });

  it('should report the poll lag', async () => {
    source.put(alertAt(1, 7100));
    await poller().pollOnce();
    assert.deepEqual(metrics.lags, [{ source: 'mde', seconds: 100 }]);
  });

  describe('scheduling', () => {
    let timers: sinon.SinonFakeTimers;

    beforeEach(() => {
      timers = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });
    afterEach(() => timers.restore());

    it('should never run two polls at once', async () => {
      const gate = deferred();
      source.gate = gate.promise;
      source.put(alertAt(1, 10));
      const p = poller();

      const first = p.pollOnce();
      const second = p.pollOnce();
      p.start();
      await timers.tickAsync(120_000);
      gate.resolve();
      assert.deepEqual(await first, { fetched: 1, ingested: 1 });
      assert.equal(await second, await first);
      await p.stop();

      assert.equal(source.maxActive, 1);
      assert.deepEqual(ingested, ['alert-1']);
    });

    it('should poll at once, then every pollIntervalS, and stop after the running poll', async () => {
      const p = poller();
      p.start();
      await timers.tickAsync(0);
      assert.equal(source.calls.length, 1);
      await timers.tickAsync(29_000);
      assert.equal(source.calls.length, 1);
      await timers.tickAsync(1_000);
      assert.equal(source.calls.length, 2);

      const gate = deferred();
      source.gate = gate.promise;
      await timers.tickAsync(30_000);
      let stopped = false;
      const stopping = p.stop().then(() => {
        stopped = true;
      });
      await timers.tickAsync(0);
      assert.equal(stopped, false, 'stop waits for the running poll');
      gate.resolve();
      await stopping;
      await timers.tickAsync(300_000);
      assert.equal(source.calls.length, 3);
    });

    it('should log a failed poll with its code and try again at the next interval', async () => {
      source.failNext = new VigilError('DEFENDER.RATE_LIMITED', 'Too many requests.');
      source.put(alertAt(1, 10));
      const p = poller();
      p.start();
      await timers.tickAsync(0);
      const failure = lines.find((line) => line.level === 'error');
      assert.equal(failure?.fields.code, 'DEFENDER.RATE_LIMITED');
      assert.equal(failure?.fields.poller, 'mde');
      assert.deepEqual(ingested, []);

      await timers.tickAsync(30_000);
      await p.stop();
      assert.deepEqual(ingested, ['alert-1']);
    });
  });
});
