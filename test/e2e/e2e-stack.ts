import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type LogLevel } from '../../src/adapters/logging/create-logger';
import { openStore } from '../../src/adapters/store/open-store';
import { type RunningVigil, startVigil } from '../../src/app/start-vigil';
import { type Config, loadConfig } from '../../src/config/load-config';
import { type RunningDemo, runDemo } from '../../src/demo/run-demo';
import { socLayout } from '../../src/demo/soc-layout';
import { type Logger, silentLogger } from '../../src/services/ports/logger.port';
import { PlaygroundDriver, type PlaygroundEvent, type PlaygroundMessage } from '../helpers/playground-driver';

/**
 * ONE demo stack for every end-to-end spec (the playground takes seconds to start): the bot, the
 * simulator (no automatic alerts) and the playground on free ports, a temporary SQLite file, started by
 * the first spec that asks and stopped by a root `after` hook once every spec has run.
 */
export interface E2eStack {
  readonly demo: RunningDemo;
  /** The bot now running (a new one after `restartBot`). */
  readonly bot: RunningVigil;
  readonly botUrl: string;
  readonly simUrl: string;
  readonly driver: PlaygroundDriver;
  readonly dbPath: string;
  /** Stops the bot and starts a new one on the same port and the same store. */
  restartBot(): Promise<void>;
  /** The number of alerts in the store, read through a second connection. */
  storedAlerts(): Promise<number>;
  /** Waits until the playground has shown nothing new for `quietMs` (the start's backlog is posted). */
  settle(quietMs?: number): Promise<void>;
}

/** The channel alert cards go to. */
export const SOC_ALERTS = socLayout.alertsChannel.id;

/** How often the e2e bot polls MDE (below what the settings allow, to keep the run short). */
export const E2E_POLL_INTERVAL_S = 0.5;

/** `VIGIL_E2E_LOG=debug npx mocha 'test/e2e/**'` shows the stack's logs; silent otherwise. */
const log: Logger = process.env.VIGIL_E2E_LOG
  ? createLogger({ level: process.env.VIGIL_E2E_LOG as LogLevel })
  : silentLogger;

let started: Promise<E2eStack> | undefined;
let cleanup: (() => Promise<void>) | undefined;

function e2eConfig(dbPath: string): Config {
  const config = loadConfig({
    PORT: '0',
    SIM_PORT: '0',
    SIM_AUTH_PORT: '0',
    PLAYGROUND_PORT: '0',
    SIM_ALERT_EVERY_S: '0',
    SIM_ACTION_DELAY_MS: '200',
    // Fast polls would soon meet MDE's per-minute limits: shrink the minute (simulator and Vigil alike).
    SIM_RATE_TIME_SCALE: '0.05',
    VIGIL_DB: dbPath,
    LOG_LEVEL: 'silent',
    // The seed rule would isolate every high-severity test alert: the rules spec adds its own rules.
    SEED_RULE: 'off',
  });
  return { ...config, ingest: { ...config.ingest, pollIntervalS: E2E_POLL_INTERVAL_S } };
}

async function startStack(): Promise<E2eStack> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
  const dbPath = join(dir, 'vigil.db');
  const demo = await runDemo(e2eConfig(dbPath), { log });
  let bot = demo.bot;
  let driver: PlaygroundDriver | undefined;
  cleanup = async () => {
    await driver?.close();
    await bot.stop();
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  driver = await PlaygroundDriver.connect(demo.playground.url);
  const connected = driver;
  const stack: E2eStack = {
    demo,
    get bot() {
      return bot;
    },
    botUrl: `http://127.0.0.1:${demo.bot.port}`,
    simUrl: demo.simulator.url,
    driver: connected,
    dbPath,
    async restartBot() {
      const port = bot.port;
      await bot.stop();
      const config = { ...demo.botConfig, bot: { ...demo.botConfig.bot, port } };
      bot = await startVigil(config, { log, trustedCaPem: demo.simulator.caCertPem });
    },
    async settle(quietMs = 1500) {
      const deadline = Date.now() + 20_000;
      let seen = -1;
      while (seen !== connected.messages.events.length && Date.now() < deadline) {
        seen = connected.messages.events.length;
        await pause(quietMs);
      }
    },
    async storedAlerts() {
      const store = await openStore(dbPath);
      try {
        return await store.repos.alerts.count();
      } finally {
        await store.close();
      }
    },
  };
  // The simulator's open alerts are posted first (Teams allows about one post a second): let them pass.
  await connected.messages.waitFor((e) => e.actionConversationId === SOC_ALERTS, 15_000);
  await stack.settle();
  return stack;
}

/** The shared stack, started on first use. */
export function e2eStack(): Promise<E2eStack> {
  started ??= startStack();
  return started;
}

after(async function stopE2eStack() {
  this.timeout(30_000);
  if (started === undefined) return;
  await started.catch(() => undefined);
  await cleanup?.();
});

/** JSON of a message's cards, to search for an alert's title or id. */
export function cardText(message: PlaygroundMessage | undefined): string {
  return JSON.stringify(message?.attachments ?? []);
}

/** The root posts (cards, updates applied) now in SOC Alerts whose card mentions `needle`. */
export function cardsMentioning(driver: PlaygroundDriver, needle: string): PlaygroundMessage[] {
  return driver.messages.messagesIn(SOC_ALERTS).filter((m) => cardText(m).includes(needle));
}

/** A new root post in SOC Alerts whose card mentions `needle`. */
export function isNewCard(needle: string): (event: PlaygroundEvent) => boolean {
  return (e) =>
    e.action === 'createMessage' &&
    e.actionConversationId === SOC_ALERTS &&
    cardText(e.message).includes(needle);
}

/** Calls the simulator (or the bot) with JSON and returns the status and the parsed body. */
export async function callJson<T = unknown>(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T };
}

/** Waits `ms`. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
