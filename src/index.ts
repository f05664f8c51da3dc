import { existsSync } from 'node:fs';
import { startVigil } from './app/start-vigil';
import { type Config, loadConfig } from './config/load-config';
import { runDemo } from './demo/run-demo';
import { isVigilError } from './domain/errors/vigil-error';

const STOP_GRACE_MS = 15_000;

/**
 * `npm start`: the composition root. Reads `.env` (if present) and the environment once; with
 * `MicrosoftAppId` set runs the production bot, without it demo mode (the bot, the Defender simulator
 * and the Agents Playground). Any start failure is printed as a friendly message with a non-zero exit.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config: Config = loadConfig();
  const running = config.mode === 'production' ? await startVigil(config) : await runDemo(config);
  if ('banner' in running) console.log(running.banner);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting at once.`);
      process.exit(130);
    }
    stopping = true;
    console.error(`${signal}: stopping Vigil…`);
    // A Defender call waiting out a long Retry-After must not hold the exit up for good.
    setTimeout(() => {
      console.error('Vigil did not stop within 15 s: exiting anyway.');
      process.exit(1);
    }, STOP_GRACE_MS).unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Vigil did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (isVigilError(error)) {
    console.error(error.friendlyMessage);
    process.exit(error.code === 'CONFIG.INVALID' ? 2 : 1);
  }
  console.error('Vigil failed to start:', error);
  process.exit(1);
});
