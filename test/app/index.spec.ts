import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const INDEX = resolve(__dirname, '../../src/index.ts');
/** tsx's loader by path: the child runs in a temporary folder, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(resolve(__dirname, '../../node_modules/tsx/dist/loader.mjs')).href;

interface Run {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
}

/** `npm start`'s entry point in a fresh working folder (no `.env`), with only these settings. */
function start(env: Record<string, string>, cwd: string): Run {
  const child = spawn(process.execPath, ['--import', TSX, INDEX], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      LOG_LEVEL: 'warn',
      VIGIL_DB: join(cwd, 'vigil.db'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((done) => child.once('exit', (code) => done(code))),
  };
  child.stdout?.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return run;
}

async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  return { port, release: () => new Promise((done) => server.close(() => done())) };
}

async function freePort(): Promise<number> {
  const held = await holdPort();
  await held.release();
  return held.port;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

function playgroundProcessesFor(botPort: number): string {
  try {
    return execFileSync('pgrep', [
      '-f',
      `agentsplayground.*127\\.0\\.0\\.1:${botPort}/api/messages`,
    ]).toString();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

describe('npm start (src/index.ts)', function () {
  this.timeout(60_000);
  let cwd: string;

  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'vigil-index-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('should refuse production without the settings a tenant needs, naming each, and exit with 2', async () => {
    const run = start({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555' }, cwd);
    assert.equal(await run.exited, 2);
    assert.match(run.stderr, /configuration has \d+ problems/);
    for (const missing of [
      'MicrosoftAppTenantId',
      'MicrosoftAppPassword',
      'DEFENDER_CLIENT_ID',
      'WEBHOOK_SECRET',
    ]) {
      assert.match(run.stderr, new RegExp(`${missing}.*required`));
    }
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  it('should refuse an invalid setting and exit with 2', async () => {
    const run = start({ PORT: 'abc' }, cwd);
    assert.equal(await run.exited, 2);
    assert.match(run.stderr, /PORT: /);
  });

  for (const variable of ['SIM_PORT', 'SIM_AUTH_PORT', 'PORT', 'PLAYGROUND_PORT']) {
    it(`should name ${variable} when its port is in use, and exit with 1`, async () => {
      const held = await holdPort();
      try {
        const ports: Record<string, string> = {
          PORT: String(await freePort()),
          SIM_PORT: String(await freePort()),
          SIM_AUTH_PORT: String(await freePort()),
          PLAYGROUND_PORT: String(await freePort()),
          [variable]: String(held.port),
        };
        const run = start(ports, cwd);
        assert.equal(await run.exited, 1, run.stderr);
        assert.match(
          run.stderr,
          new RegExp(`Port ${held.port} is already in use.*set ${variable} to a free port`),
        );
        assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
        assert.equal(playgroundProcessesFor(Number(ports.PORT)), '');
      } finally {
        await held.release();
      }
    });
  }

  it('should run demo mode with a banner and stop all three on SIGINT, leaving no process', async () => {
    const botPort = await freePort();
    const env = {
      PORT: String(botPort),
      SIM_PORT: String(await freePort()),
      SIM_AUTH_PORT: String(await freePort()),
      PLAYGROUND_PORT: String(await freePort()),
      SIM_ALERT_EVERY_S: '0',
    };
    const run = start(env, cwd);
    await waitFor(() => run.stdout.includes('Ctrl-C stops all three'), 30_000, 'the banner');
    assert.match(
      run.stdout,
      new RegExp(`Agents Playground\\)\\s+http://127\\.0\\.0\\.1:${env.PLAYGROUND_PORT}`),
    );
    assert.match(run.stdout, new RegExp(`Vigil bot\\s+http://127\\.0\\.0\\.1:${botPort}`));
    assert.match(
      run.stdout,
      new RegExp(`curl -X POST http://127\\.0\\.0\\.1:${env.SIM_PORT}/_sim/mde/alerts`),
    );
    assert.equal(await (await fetch(`http://127.0.0.1:${env.PLAYGROUND_PORT}/_debug/ping`)).text(), 'pong');
    assert.notEqual(playgroundProcessesFor(botPort), '');
    run.child.kill('SIGINT');
    assert.equal(await run.exited, 0, run.stderr);
    await waitFor(() => playgroundProcessesFor(botPort) === '', 5000, 'the playground ending');
    for (const port of [env.PORT, env.SIM_PORT, env.PLAYGROUND_PORT]) {
      await assert.rejects(fetch(`http://127.0.0.1:${port}/`), `port ${port} is closed`);
    }
  });
});
