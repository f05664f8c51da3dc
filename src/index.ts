import { existsSync } from 'node:fs';
import { ConfigError } from './config/config-error';
import { type Config, loadConfig } from './config/load-config';
import { startSimulator } from './simulator/simulator';

/** Turns a listen error into a message naming the port and the variable that sets it. */
function describeStartError(error: unknown, config: Config): string {
  const err = error as NodeJS.ErrnoException & { port?: number };
  if (err.code === 'EADDRINUSE') {
    const port = err.port;
    const variable =
      port === config.simulator.port
        ? 'SIM_PORT'
        : port === config.simulator.authPort
          ? 'SIM_AUTH_PORT'
          : 'PORT';
    return `Port ${port ?? '?'} is already in use. Stop what holds it, or set ${variable} to a free port.`;
  }
  return `Vigil failed to start: ${err.message ?? String(error)}`;
}

async function runDemo(config: Config): Promise<() => Promise<void>> {
  const sim = await startSimulator({
    port: config.simulator.port,
    alertEveryS: config.simulator.alertEveryS,
    settings: {
      actionDelayMs: config.simulator.actionDelayMs,
      rateTimeScale: config.simulator.rateTimeScale,
    },
  });
  console.log(
    [
      '',
      'Vigil demo mode',
      `  Defender simulator   ${sim.url}  (MDE /api, Cloud Apps /mcas/api/v1, control /_sim)`,
      '  The Teams bot and the Agents Playground join in the next milestone (see README).',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  return () => sim.stop();
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.friendlyMessage : String(error));
    process.exit(2);
  }
  if (config.mode === 'production') {
    console.error(
      'Production mode (MicrosoftAppId set) is not available yet: unset MicrosoftAppId to run the demo.',
    );
    process.exit(2);
  }
  let stop: () => Promise<void>;
  try {
    stop = await runDemo(config);
  } catch (error) {
    console.error(describeStartError(error, config));
    process.exit(1);
  }
  const shutdown = () => void stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();
