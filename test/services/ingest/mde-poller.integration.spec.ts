import assert from 'node:assert/strict';
import {
  createDefenderClients,
  type DefenderClients,
} from '../../../src/adapters/defender/create-defender-clients';
import { createMdePoller } from '../../../src/services/ingest/mde-poller';
import type { Store } from '../../../src/services/ports/store.port';
import { TestSimulator } from '../../helpers/sim-client';
import {
  openTestStore,
  RecordingMetrics,
  recordingLogger,
  takeOutbox,
  testIngestor,
} from './helpers/ingest-fixtures';

const SCALE = 0.02;

describe('MDE poller against the simulator', () => {
  let sim: TestSimulator;
  let clients: DefenderClients;
  let store: Store;

  before(async () => {
    sim = await TestSimulator.start({ settings: { rateTimeScale: SCALE } });
    clients = createDefenderClients(
      {
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        clientId: 'vigil-demo',
        credential: { kind: 'secret', secret: 'vigil-demo-secret' },
        authorityHost: sim.sim.authUrl,
        mdeBaseUrl: sim.url,
        mdeScope: 'https://api.securitycenter.microsoft.com/.default',
        trustedCaPem: sim.sim.caCertPem,
        timeoutMs: 5_000,
        maxRetries: 4,
        rateTimeScale: SCALE,
      },
      { baseDelayMs: 50 },
    );
  });
  beforeEach(async () => {
    await sim.call('POST', '/_sim/reset');
    store = await openTestStore();
  });
  afterEach(() => store.close());
  after(async () => {
    clients.close();
    await sim.stop();
  });

  it('should drain a storm larger than one read, storing every alert once and folding it into 4 cards', async function () {
    this.timeout(60_000);
    const bulk = await sim.call<{ ids: string[] }>('POST', '/_sim/mde/alerts/bulk', {
      body: {
        count: 2_500,
        machines: 300,
        template: { title: 'Storm of encoded PowerShell', severity: 'High' },
      },
    });
    assert.equal(bulk.status, 201);
    const ingestor = testIngestor(store, { clock: { now: () => Date.now() } });
    const poller = createMdePoller({
      mde: clients.mde,
      store,
      ingestor,
      clock: { now: () => Date.now() + 120_000 },
      logger: recordingLogger(),
      metrics: new RecordingMetrics(),
      config: { pollIntervalS: 30, firstFetchHours: 24, mcasPollIntervalS: 0 },
      maxAlerts: 1_000,
    });

    const reads: number[] = [];
    for (let poll = 0; poll < 4; poll += 1) reads.push((await poller.pollOnce()).fetched);

    assert.deepEqual(reads.slice(0, 2), [1_000, 2_000], 'cut-short reads grow');
    for (const id of bulk.body.ids) assert.ok(await store.repos.alerts.get(id), `alert ${id} was stored`);
    const stormCards = new Set<string>();
    for (const id of bulk.body.ids) stormCards.add((await store.repos.alerts.get(id))?.groupId ?? 'none');
    assert.equal(stormCards.size, 4);
    const posted = (await takeOutbox(store)).filter((item) => item.kind === 'postCard');
    assert.equal(posted.filter((item) => stormCards.has(item.groupId)).length, 4);
    assert.equal((await poller.pollOnce()).ingested, 0, 'caught up: nothing is ingested twice');
  });
});
