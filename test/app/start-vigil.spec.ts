import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListenError } from '../../src/adapters/http/listen';
import { type RunningVigil, startVigil } from '../../src/app/start-vigil';
import { type Config, loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/services/ports/logger.port';
import { TestSimulator } from '../helpers/sim-client';

/** Settings pointing Vigil at a test simulator. */
function configFor(sim: TestSimulator, env: Record<string, string>): Config {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', POLL_INTERVAL_S: '1', ...env });
  const defender = {
    ...config.defender,
    authorityHost: sim.sim.authUrl,
    mdeBaseUrl: sim.url,
    mcas: { baseUrl: `${sim.url}/mcas`, token: 'vigil-demo-secret' },
  };
  return { ...config, defender, ingest: { ...config.ingest, mcasPollIntervalS: 0 } };
}

const PRODUCTION_ENV = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'bot-password',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000001',
  // Not the simulator's demo app (production refuses it): Defender sign-in fails, which this test ignores.
  DEFENDER_CLIENT_ID: '66666666-7777-8888-9999-000000000000',
  DEFENDER_CLIENT_SECRET: 'a-production-client-secret',
  WEBHOOK_SECRET: '0123456789abcdef0123456789abcdef',
};

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the condition did not hold in time');
}

const refused = async (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  );

describe('startVigil', function () {
  this.timeout(20_000);
  let sim: TestSimulator;
  let dir: string;
  let vigil: RunningVigil | undefined;

  before(async () => {
    sim = await TestSimulator.start({ authPort: 0 });
  });
  after(() => sim.stop());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-start-'));
  });
  afterEach(async () => {
    await vigil?.stop();
    vigil = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('should serve health, readiness and metrics, poll MDE, and stop cleanly (twice is fine)', async () => {
    const config = configFor(sim, { VIGIL_DB: join(dir, 'vigil.db') });
    vigil = await startVigil(config, { log: silentLogger, trustedCaPem: sim.sim.caCertPem });
    assert.match(vigil.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(await (await fetch(`${vigil.url}/healthz`)).json(), { status: 'ok' });
    const checks = async () =>
      ((await (await fetch(`${vigil!.url}/readyz`)).json()) as { checks: { name: string; ok: boolean }[] })
        .checks;
    await waitUntil(async () => (await checks()).find((c) => c.name === 'mdePoll')?.ok === true);
    const readyz = await fetch(`${vigil.url}/readyz`);
    assert.equal(readyz.status, 503, 'no SOC channel yet');
    assert.deepEqual(
      (await checks()).map((c) => [c.name, c.ok]),
      [
        ['store', true],
        ['socChannel', false],
        ['mdePoll', true],
      ],
    );
    const metrics = await (await fetch(`${vigil.url}/metrics`)).text();
    assert.match(metrics, /^vigil_alerts_ingested_total\{source="mde",outcome="new"\} \d+$/m);
    assert.match(metrics, /^vigil_defender_calls_total\{family="mde",outcome="ok"\} \d+$/m);
    const url = vigil.url;
    await vigil.stop();
    await vigil.stop();
    assert.equal(await refused(`${url}/healthz`), true);
  });

  it('should refuse a port in use, naming it and PORT, and leave the store free', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    const db = join(dir, 'vigil.db');
    try {
      const config = configFor(sim, { VIGIL_DB: db, PORT: String(port) });
      await assert.rejects(
        startVigil(config, { log: silentLogger, trustedCaPem: sim.sim.caCertPem }),
        (error) => {
          assert.ok(error instanceof ListenError);
          assert.equal(error.code, 'HTTP.PORT_IN_USE');
          assert.match(
            error.friendlyMessage,
            new RegExp(`^Port ${port} is already in use.*set PORT to a free port`),
          );
          return true;
        },
      );
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
    vigil = await startVigil(configFor(sim, { VIGIL_DB: db }), {
      log: silentLogger,
      trustedCaPem: sim.sim.caCertPem,
    });
    assert.equal((await fetch(`${vigil.url}/healthz`)).status, 200);
  });

  it('should authenticate Bot Framework requests in production (MicrosoftAppId set)', async () => {
    const config = configFor(sim, { ...PRODUCTION_ENV, VIGIL_DB: join(dir, 'vigil.db'), HOST: '127.0.0.1' });
    assert.equal(config.mode, 'production');
    vigil = await startVigil(config, { log: silentLogger, trustedCaPem: sim.sim.caCertPem });
    const activity = {
      type: 'message',
      id: '1',
      text: 'help',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from: { id: '29:someone' },
      recipient: { id: '28:vigil' },
      conversation: { id: 'a:chat' },
    };
    const answer = await fetch(`${vigil.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    assert.equal(answer.status, 401);
  });

  it('should log each configuration warning at start', async () => {
    const config = configFor(sim, { ...PRODUCTION_ENV, VIGIL_DB: join(dir, 'vigil.db'), HOST: '127.0.0.1' });
    assert.ok(config.warnings.length > 0, 'the production settings above should produce a warning');
    const warned: string[] = [];
    const log = {
      ...silentLogger,
      warn: (_fields: Record<string, unknown>, message: string) => warned.push(message),
    };
    const recording = { ...log, child: () => recording };
    vigil = await startVigil(config, { log: recording, trustedCaPem: sim.sim.caCertPem });
    for (const warning of config.warnings) assert.ok(warned.includes(warning), `not logged: ${warning}`);
  });
});
