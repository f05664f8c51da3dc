import { randomBytes } from 'node:crypto';
import { toListenError } from '../adapters/http/listen';
import { createLogger } from '../adapters/logging/create-logger';
import { redactText } from '../adapters/logging/redact-secrets';
import { type RunningVigil, type StartVigilOptions, startVigil } from '../app/start-vigil';
import type { Config } from '../config/load-config';
import type { Logger } from '../services/ports/logger.port';
import type { SimLogger } from '../simulator/sim-context';
import { type RunningSimulator, startSimulator } from '../simulator/simulator';
import { ensurePortsFree } from './ensure-ports-free';
import { installBotInTeam } from './install-bot';
import { type RunningPlayground, startPlayground } from './playground';
import { socLayout } from './soc-layout';

export interface DemoOptions {
  /** The logger of all three parts; built from `LOG_LEVEL` if omitted. */
  readonly log?: Logger;
  /** Passed on to `startVigil` (tests poll faster than the settings allow). */
  readonly vigil?: Omit<StartVigilOptions, 'log' | 'trustedCaPem'>;
}

/** The three parts of demo mode, running. */
export interface RunningDemo {
  readonly bot: RunningVigil;
  /** The configuration the bot runs with: the settings plus this run's webhook secret. */
  readonly botConfig: Config;
  readonly simulator: RunningSimulator;
  readonly playground: RunningPlayground;
  /** The lines to show the user: the three URLs and how to raise an alert. */
  readonly banner: string;
  /** Stops the bot, the playground and the simulator, in that order; safe to call twice. */
  stop(): Promise<void>;
}

function simulatorLog(log: Logger): SimLogger {
  const child = log.child({ component: 'simulator' });
  return {
    info: (message, fields) => child.debug(fields ?? {}, message),
    warn: (message, fields) => child.warn(fields ?? {}, message),
  };
}

async function startDemoSimulator(config: Config, log: Logger): Promise<RunningSimulator> {
  const { port, authPort, alertEveryS, actionDelayMs, rateTimeScale } = config.simulator;
  try {
    return await startSimulator({
      port,
      authPort,
      alertEveryS,
      settings: { actionDelayMs, rateTimeScale },
      log: simulatorLog(log),
    });
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { port?: number };
    if (err.code === undefined) throw error;
    const auth = err.port !== undefined && err.port === authPort && port !== authPort;
    throw toListenError(err, {
      port: err.port ?? port,
      host: '127.0.0.1',
      variable: auth ? 'SIM_AUTH_PORT' : 'SIM_PORT',
      what: auth ? "the simulator's identity provider" : 'the Defender simulator',
    });
  }
}

/**
 * The bot's settings in demo mode: Defender is the simulator where it actually listens (ports may have
 * been 0 = any), and the webhook accepts the simulator's pushes signed with this run's secret.
 */
function demoBotConfig(config: Config, simulator: RunningSimulator, secret: string): Config {
  const mcas = config.defender.mcas;
  const defender = {
    ...config.defender,
    authorityHost: simulator.authUrl,
    mdeBaseUrl: simulator.url,
    ...(mcas ? { mcas: { ...mcas, baseUrl: `${simulator.url}/mcas` } } : {}),
  };
  return { ...config, defender, webhook: { ...config.webhook, hmacSecret: secret } };
}

/** Stops what has started so far, newest first, never letting one failure skip the others. */
async function stopAll(stoppers: (() => Promise<void>)[], log: Logger): Promise<void> {
  for (const stop of stoppers.splice(0).reverse()) {
    await stop().catch((error: unknown) =>
      log.error({ err: error }, 'demo mode: a part did not stop cleanly'),
    );
  }
}

/**
 * Demo mode (contract.md): the Defender simulator, the bot talking to it (its MCAS push signed with a
 * random per-run HMAC secret), and the Agents Playground with the SOC team, the bot installed in SOC
 * Alerts. A part that cannot start (a port in use …) stops the others before the error is thrown.
 */
export async function runDemo(config: Config, options: DemoOptions = {}): Promise<RunningDemo> {
  const log = options.log ?? createLogger({ level: config.logLevel });
  const secret = randomBytes(32).toString('hex');
  const stoppers: (() => Promise<void>)[] = [];
  await ensurePortsFree([
    { port: config.simulator.port, host: '127.0.0.1', variable: 'SIM_PORT', what: 'the Defender simulator' },
    {
      port: config.simulator.authPort,
      host: '127.0.0.1',
      variable: 'SIM_AUTH_PORT',
      what: "the simulator's identity provider",
    },
    { port: config.bot.port, host: config.bot.host, variable: 'PORT', what: 'the bot' },
    {
      port: config.playground.port,
      host: '127.0.0.1',
      variable: 'PLAYGROUND_PORT',
      what: 'the Agents Playground',
    },
  ]);
  try {
    const simulator = await startDemoSimulator(config, log);
    stoppers.push(() => simulator.stop());
    const botConfig = demoBotConfig(config, simulator, secret);
    const bot = await startVigil(botConfig, { ...options.vigil, log, trustedCaPem: simulator.caCertPem });
    stoppers.push(() => bot.stop());
    const botBase = `http://127.0.0.1:${bot.port}`;
    simulator.ctx.webhook = { url: `${botBase}/api/webhooks/alerts`, secret };
    const playground = await startPlayground({
      port: config.playground.port,
      botEndpoint: `${botBase}/api/messages`,
      log: (line) => log.debug({ component: 'playground', line }, 'playground output'),
    });
    stoppers.push(() => playground.stop());
    await installBotInTeam(playground.url, socLayout.alertsChannel.id);
    const banner = demoBanner(config, {
      bot: botBase,
      simulator: simulator.url,
      playground: playground.url,
      signIn: simulator.authUrl,
    });
    // The bot goes first, while the playground still answers its last sends (a send to a playground
    // that is gone is retried by the Bot Framework connector for tens of seconds).
    const running = [() => simulator.stop(), () => playground.stop(), () => bot.stop()];
    return { bot, botConfig, simulator, playground, banner, stop: () => stopAll(running, log) };
  } catch (error) {
    await stopAll(stoppers, log);
    throw error;
  }
}

/** The banner of demo mode: where each part listens and what to do next. */
export function demoBanner(
  config: Config,
  urls: {
    readonly bot: string;
    readonly simulator: string;
    readonly playground: string;
    /** The simulator's HTTPS sign-in service (what msal talks to). */
    readonly signIn?: string;
  },
): string {
  const every = config.simulator.alertEveryS;
  const raiser =
    every > 0 ? `a new simulated alert every ${every} s (SIM_ALERT_EVERY_S)` : 'no automatic alerts';
  const curl = `curl -X POST ${urls.simulator}/_sim/mde/alerts -H 'content-type: application/json' -d '{"title":"Test","severity":"High"}'`;
  return [
    '',
    'Vigil demo mode: the bot, the Defender simulator and the Agents Playground',
    '',
    `  Teams (Agents Playground)  ${urls.playground}   <- open this: team SOC, channel SOC Alerts`,
    `  Vigil bot                  ${urls.bot}   /api/messages /healthz /readyz /metrics`,
    `  Defender simulator         ${urls.simulator}   MDE /api, Cloud Apps /mcas/api/v1, control /_sim`,
    ...(urls.signIn
      ? [`  Simulated Entra sign-in    ${urls.signIn}  (HTTPS, certificate made at start)`]
      : []),
    '',
    `  Alert cards arrive in SOC Alerts; ${raiser}. Keep the page open: the playground`,
    '  shows what arrives while it is open, and keeps no history. Raise an alert now:',
    `    ${curl}`,
    '  (alerts with one title within 10 minutes fold into one card: give each test alert its own title)',
    '',
    `  Store: ${redactText(config.store.url)}. MDE polled every ${config.ingest.pollIntervalS} s. Ctrl-C stops all three.`,
    '',
  ].join('\n');
}
