import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { writePlaygroundConfig } from './playground-config';
import { PlaygroundError } from './playground-error';
import { ALLOWED_HOSTS_ENV } from './playground-preload';
import { type PlaygroundProcess, spawnPlayground } from './playground-process';
import { type SocLayout, socLayout } from './soc-layout';

export interface PlaygroundOptions {
  /** Port of the web UI and of every API (`PLAYGROUND_PORT`, 56150 in demo mode); 0 picks a free one. */
  readonly port: number;
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  readonly botEndpoint: string;
  /** Where the config file and the playground's log go; a fresh temp folder, removed on stop, if omitted. */
  readonly workDir?: string;
  /** Receives each line the playground prints (little: its own logging goes to `logFile`). */
  readonly log?: (line: string) => void;
  /** The Teams layout to emulate; Vigil's SOC team by default. */
  readonly layout?: SocLayout;
  /** How long to wait for `GET /_debug/ping` to answer `pong`; 30 s by default. */
  readonly readyTimeoutMs?: number;
}

export interface RunningPlayground {
  /** `http://127.0.0.1:<port>`: web UI on `/`, mock Bot Connector on `/_connector`. */
  readonly url: string;
  readonly port: number;
  /** The playground process; it leads its own process group. */
  readonly pid: number;
  /** The playground's own log: what its log panel shows (activities exchanged, warnings) and its errors. */
  readonly logFile: string;
  readonly configFile: string;
  readonly layout: SocLayout;
  /** Ends the playground and everything it started, and waits until they are gone. */
  stop(): Promise<void>;
}

/**
 * Env vars not passed on: the playground's own (they would override what we pass), proxies (its traffic
 * is loopback only), and coverage collection (c8 would otherwise record its 5 MB bundle).
 */
const DROPPED_ENV =
  /^(M365_AGENTS_PLAYGROUND_|TEAMSAPPTESTER_|TEAMS_APP_TEST_TOOL_|https?_proxy$|no_proxy$)/i;
const DROPPED_NAMES = new Set([
  'BOT_ENDPOINT',
  'DEFAULT_CHANNEL_ID',
  'SEND_INSTALLATION_ACTIVITY',
  'AUTH_TENANT_ID',
  'NODE_V8_COVERAGE',
]);

function playgroundEnv(configFile: string, logFile: string, botEndpoint: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!DROPPED_ENV.test(name) && !DROPPED_NAMES.has(name)) env[name] = value;
  }
  return {
    ...env,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    // Its telemetry SDK's usage beacons; the preload would refuse their connections anyway.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    [ALLOWED_HOSTS_ENV]: new URL(botEndpoint).hostname.replace(/^\[|\]$/g, ''),
  };
}

/**
 * Starts the Microsoft 365 Agents Playground (the local Teams client) on `port`, talking to the bot at
 * `botEndpoint`, with Vigil's Teams layout (team SOC, channel SOC Alerts). Resolves once it answers
 * `/_debug/ping`. Fails with `PLAYGROUND.PORT_IN_USE` if the port is taken (the playground itself would
 * quietly move to a random port) and with `PLAYGROUND.START_FAILED` if it exits or does not answer.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const layout = options.layout ?? socLayout;
  const ownsDir = options.workDir === undefined;
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'vigil-playground-'));
  mkdirSync(workDir, { recursive: true });
  const configFile = writePlaygroundConfig(workDir, layout);
  const logFile = join(workDir, 'm365agentsplayground.log');
  const child = spawnPlayground({
    args: ['-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    cwd: workDir,
    env: playgroundEnv(configFile, logFile, options.botEndpoint),
    ...(options.log ? { log: options.log } : {}),
  });
  const stop = async () => {
    await child.kill();
    if (ownsDir) rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const port = await waitForListening(child, options.port, options.readyTimeoutMs ?? 30_000, logFile);
    const url = `http://127.0.0.1:${port}`;
    await waitForPong(child, url, options.readyTimeoutMs ?? 30_000, logFile);
    return { url, port, pid: child.pid, logFile, configFile, layout, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

type Outcome<T> =
  | { kind: 'value'; value: T }
  | { kind: 'exited'; code: number | string }
  | { kind: 'timeout' };

async function race<T>(child: PlaygroundProcess, work: Promise<T>, timeoutMs: number): Promise<Outcome<T>> {
  const timeout = new AbortController();
  try {
    return await Promise.race([
      work.then((value): Outcome<T> => ({ kind: 'value', value })),
      child.exited.then((code): Outcome<T> => ({ kind: 'exited', code })),
      delay(timeoutMs, undefined, { signal: timeout.signal }).then((): Outcome<T> => ({ kind: 'timeout' })),
    ]);
  } finally {
    timeout.abort();
  }
}

async function waitForListening(child: PlaygroundProcess, asked: number, timeoutMs: number, logFile: string) {
  const outcome = await race(child, child.listening, timeoutMs);
  if (outcome.kind === 'value') {
    if (asked !== 0 && outcome.value !== asked) throw PlaygroundError.portInUse(asked);
    return outcome.value;
  }
  throw failure(outcome, timeoutMs, 'say which port it listens on', logFile);
}

async function waitForPong(child: PlaygroundProcess, url: string, timeoutMs: number, logFile: string) {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | string | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  while (exitCode === undefined && Date.now() < deadline) {
    if (await answersPong(url)) return;
    await delay(100);
  }
  const outcome: Outcome<never> =
    exitCode === undefined ? { kind: 'timeout' } : { kind: 'exited', code: exitCode };
  throw failure(outcome, timeoutMs, 'answer /_debug/ping', logFile);
}

async function answersPong(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(2000) });
    return (await response.text()) === 'pong';
  } catch {
    return false; // not listening yet
  }
}

function failure(
  outcome: Outcome<unknown>,
  timeoutMs: number,
  what: string,
  logFile: string,
): PlaygroundError {
  const reason =
    outcome.kind === 'exited'
      ? `it exited (${outcome.code}) before it could ${what}`
      : `it did not ${what} within ${timeoutMs} ms`;
  return PlaygroundError.startFailed(reason, logTail(logFile));
}

function logTail(logFile: string, lines = 15): string {
  if (!existsSync(logFile)) return '';
  return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
}
