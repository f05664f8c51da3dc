import { z } from 'zod';

/** An unset variable and an empty one (`KEY=` in a .env file) mean the same: not given. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const text = () => z.preprocess(blankToUndefined, z.string().trim().min(1).optional());
const port = (fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(fallback));
const httpsUrl = () =>
  z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  );
/** A GUID as Teams writes it (the app manifest's own pattern; any version digit). */
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const guid = () =>
  z.preprocess(
    blankToUndefined,
    z.string().trim().regex(GUID_PATTERN, { error: 'must be a GUID (8-4-4-4-12 hex digits)' }).optional(),
  );
const secureUrl = () =>
  z.preprocess(blankToUndefined, z.url({ protocol: /^https$/, error: 'must be an https URL' }).optional());
/** A comma-separated list (items trimmed, empty ones dropped), then checked as `items`. */
const commaList = <T extends z.ZodType<unknown, string[]>>(items: T, fallback = '') =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(fallback)
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      )
      .pipe(items),
  );
const positive = (fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().positive().default(fallback));

/**
 * Every environment variable Vigil reads, in one schema. `.env.sample` documents each of them; the
 * names of the Bot Framework settings are Bot Framework's own.
 */
export const envSchema = z.object({
  // Bot
  MicrosoftAppId: text(),
  MicrosoftAppPassword: text(),
  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  ),
  MicrosoftAppTenantId: text(),
  HOST: text(),
  PORT: port(3978),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  // Defender
  DEFENDER_TENANT_ID: text(),
  DEFENDER_CLIENT_ID: text(),
  DEFENDER_CLIENT_SECRET: text(),
  DEFENDER_CERTIFICATE_PATH: text(),
  DEFENDER_PRIVATE_KEY_PATH: text(),
  DEFENDER_AUTHORITY_HOST: httpsUrl(),
  DEFENDER_CA_PATH: text(),
  MDE_API_URL: httpsUrl(),
  MDE_SCOPE: text(),
  MCAS_API_URL: httpsUrl(),
  MCAS_API_TOKEN: text(),
  DEFENDER_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(100).max(300_000).default(15_000),
  ),
  DEFENDER_MAX_RETRIES: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(10).default(4)),
  DEFENDER_RATE_TIME_SCALE: positive(1),
  // Store
  VIGIL_DB: text(),
  // Ingestion
  POLL_INTERVAL_S: z.preprocess(blankToUndefined, z.coerce.number().min(1).max(3600).optional()),
  INGEST_MIN_SEVERITY: z.preprocess(
    blankToUndefined,
    z.enum(['informational', 'low', 'medium', 'high']).default('informational'),
  ),
  INGEST_STATUSES: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default('new,inProgress')
      .transform((v) => v.split(',').map((s) => s.trim()))
      .pipe(z.array(z.enum(['new', 'inProgress', 'resolved'])).min(1)),
  ),
  INGEST_FIRST_FETCH_HOURS: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(720).default(24)),
  MCAS_POLL_INTERVAL_S: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(86_400).default(300)),
  WEBHOOK_SECRET: text(),
  WEBHOOK_TOKEN: text(),
  WEBHOOK_REPLAY_WINDOW_S: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(10).max(3600).default(300),
  ),
  STORM_WINDOW_S: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(86_400).default(600)),
  STORM_THRESHOLD: z.preprocess(blankToUndefined, z.coerce.number().int().min(2).max(10_000).default(5)),
  // Response actions
  PROTECTED_MACHINE_TAGS: commaList(
    z.array(z.string().max(64, { error: 'each tag must be at most 64 characters' })).max(50),
    'tier0',
  ),
  PROTECTED_MACHINE_NAMES: commaList(
    z
      .array(
        z
          .string()
          .max(128)
          .regex(/^[A-Za-z0-9*?._-]+$/, {
            error: 'must be comma-separated name patterns of letters, digits, . _ - and the wildcards * ?',
          }),
      )
      .max(50),
  ),
  AUTO_ISOLATIONS_PER_HOUR: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(0).max(1000).default(5),
  ),
  SEED_RULE: z.preprocess(
    blankToUndefined,
    z.enum(['auto', 'off'], { error: 'must be auto or off' }).default('auto'),
  ),
  APPROVAL_EXPIRY_MIN: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1440).default(60)),
  // Teams
  SOC_CHANNEL_ID: text(),
  VIGIL_ADMINS: commaList(
    z.array(z.uuid({ error: 'must be a comma-separated list of Entra object ids (GUIDs)' })),
  ),
  PLAYGROUND_PORT: port(56150),
  // Teams app package (`npm run package`)
  TEAMS_APP_ID: guid(),
  TEAMS_APP_VERSION: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/, {
        error: 'must be a version MAJOR.MINOR.PATCH such as 1.0.0',
      })
      .optional(),
  ),
  TEAMS_APP_DEVELOPER_NAME: z.preprocess(
    blankToUndefined,
    z.string().trim().min(1).max(32, { error: 'must be at most 32 characters' }).optional(),
  ),
  TEAMS_APP_WEBSITE_URL: secureUrl(),
  TEAMS_APP_PRIVACY_URL: secureUrl(),
  TEAMS_APP_TERMS_URL: secureUrl(),
  // Simulator (demo mode and `npm run simulator`)
  SIM_PORT: port(3979),
  SIM_AUTH_PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).optional()),
  SIM_ALERT_EVERY_S: z.preprocess(blankToUndefined, z.coerce.number().min(0).default(45)),
  SIM_ACTION_DELAY_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(3000)),
  SIM_RATE_TIME_SCALE: positive(1),
});

export type Env = z.infer<typeof envSchema>;
