import { z } from 'zod';
import { startSimulator } from './simulator';

/** `npm run simulator`: the Defender simulator alone, configured from the environment. */
const envSchema = z.object({
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(3979),
  SIM_AUTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SIM_ALERT_EVERY_S: z.coerce.number().min(0).default(45),
  SIM_ACTION_DELAY_MS: z.coerce.number().int().min(0).default(3000),
  SIM_RATE_TIME_SCALE: z.coerce.number().positive().default(1),
  SIM_WEBHOOK_URL: z.url().optional(),
  SIM_WEBHOOK_SECRET: z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    console.error(`The simulator's settings are not valid:\n${problems.join('\n')}`);
    process.exit(2);
  }
  const env = parsed.data;
  const sim = await startSimulator({
    host: env.SIM_HOST,
    port: env.SIM_PORT,
    ...(env.SIM_AUTH_PORT === undefined ? {} : { authPort: env.SIM_AUTH_PORT }),
    alertEveryS: env.SIM_ALERT_EVERY_S,
    settings: { actionDelayMs: env.SIM_ACTION_DELAY_MS, rateTimeScale: env.SIM_RATE_TIME_SCALE },
    ...(env.SIM_WEBHOOK_URL
      ? {
          webhook: {
            url: env.SIM_WEBHOOK_URL,
            ...(env.SIM_WEBHOOK_SECRET ? { secret: env.SIM_WEBHOOK_SECRET } : {}),
          },
        }
      : {}),
    log: {
      info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
      warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
    },
  });
  console.log(`Defender simulator listening on ${sim.url} (MDE /api, MCAS /mcas/api/v1, control /_sim)`);
  console.log(`Identity provider (HTTPS, self-signed) on ${sim.authUrl}`);
  const shutdown = () => {
    void sim.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(
      `A port the simulator needs is already in use. Set SIM_PORT (and SIM_AUTH_PORT) to free ports.`,
    );
  } else {
    console.error('The simulator failed to start:', error);
  }
  process.exit(1);
});
