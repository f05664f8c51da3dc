import { readFileSync } from 'node:fs';
import { clientCertificate } from '../adapters/defender/client-certificate';
import { DEFENDER_DEFAULTS, type DefenderSettings } from '../adapters/defender/defender-settings';
import { ConfigError } from './config-error';
import { type Env, envSchema } from './env-schema';

export type Mode = 'demo' | 'production';

export interface BotSettings {
  readonly appId?: string;
  readonly appPassword?: string;
  readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  readonly appTenantId?: string;
  readonly host: string;
  readonly port: number;
}

/** The Defender clients' settings: exactly what `createDefenderClients` takes. */
export type DefenderConfig = DefenderSettings;

export interface SimulatorConfig {
  readonly port: number;
  readonly authPort: number;
  readonly alertEveryS: number;
  readonly actionDelayMs: number;
  readonly rateTimeScale: number;
}

export interface IngestConfig {
  /** Seconds between two MDE polls (default 30; 5 in demo mode). */
  readonly pollIntervalS: number;
  readonly minSeverity: Env['INGEST_MIN_SEVERITY'];
  readonly statuses: Env['INGEST_STATUSES'];
  /** How far back the very first poll looks. */
  readonly firstFetchHours: number;
  /** Seconds between two MCAS polls (the fallback to the webhook); 0 = never. */
  readonly mcasPollIntervalS: number;
}

export interface WebhookConfig {
  /** HMAC-SHA256 key for senders that sign (`X-Vigil-Signature`). */
  readonly hmacSecret?: string;
  /** Bearer token for senders that cannot sign (Power Automate, Logic Apps). */
  readonly bearerToken?: string;
  /** How old a signed request's timestamp may be. */
  readonly replayWindowS: number;
}

export interface Config {
  /** `demo` when no Microsoft credentials are configured (`MicrosoftAppId` unset). */
  readonly mode: Mode;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly bot: BotSettings;
  readonly defender: DefenderConfig;
  /** The simulator Vigil starts beside itself in demo mode. */
  readonly simulator: SimulatorConfig;
  /** `VIGIL_DB`: a SQLite file path or a `postgres://` URL. */
  readonly store: { readonly url: string };
  readonly ingest: IngestConfig;
  readonly webhook: WebhookConfig;
  readonly storms: { readonly windowS: number; readonly threshold: number };
  readonly teams: {
    /** The SOC channel, when fixed by configuration (else chosen by `channel here` or demo mode). */
    readonly socChannelId?: string;
    /** Entra object ids of the first admins. */
    readonly admins: readonly string[];
  };
  readonly playground: { readonly port: number };
}

/** Where configuration reads files named by a setting (certificates); injected in tests. */
export interface ConfigSources {
  readFile(path: string): string;
}

const nodeSources: ConfigSources = { readFile: (path) => readFileSync(path, 'utf8') };

export const DEMO_DEFENDER = {
  tenantId: '00000000-0000-0000-0000-000000000001',
  clientId: 'vigil-demo',
  secret: 'vigil-demo-secret',
  mcasToken: 'vigil-demo-secret',
} as const;

function readPem(
  path: string,
  variable: string,
  sources: ConfigSources,
  problems: string[],
): string | undefined {
  try {
    return sources.readFile(path);
  } catch (error) {
    problems.push(`${variable}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    return undefined;
  }
}

function botSettings(env: Env, mode: Mode, problems: string[]): BotSettings {
  if (mode === 'production') {
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${env.MicrosoftAppType}.`);
    }
    if (env.MicrosoftAppType === 'UserAssignedMSI' && env.MicrosoftAppPassword) {
      problems.push('MicrosoftAppPassword: must be empty when MicrosoftAppType is UserAssignedMSI.');
    }
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      problems.push(`MicrosoftAppPassword: required when MicrosoftAppType is ${env.MicrosoftAppType}.`);
    }
  }
  return {
    ...(env.MicrosoftAppId ? { appId: env.MicrosoftAppId } : {}),
    ...(env.MicrosoftAppPassword ? { appPassword: env.MicrosoftAppPassword } : {}),
    ...(env.MicrosoftAppTenantId ? { appTenantId: env.MicrosoftAppTenantId } : {}),
    appType: env.MicrosoftAppType,
    host: env.HOST ?? (mode === 'demo' ? '127.0.0.1' : '0.0.0.0'),
    port: env.PORT,
  };
}

function defenderCredential(
  env: Env,
  sources: ConfigSources,
  problems: string[],
): DefenderConfig['credential'] | undefined {
  const hasCert = Boolean(env.DEFENDER_CERTIFICATE_PATH || env.DEFENDER_PRIVATE_KEY_PATH);
  if (env.DEFENDER_CLIENT_SECRET && hasCert) {
    problems.push('DEFENDER_CLIENT_SECRET and DEFENDER_CERTIFICATE_PATH: give one credential, not both.');
    return undefined;
  }
  if (env.DEFENDER_CLIENT_SECRET) return { kind: 'secret', secret: env.DEFENDER_CLIENT_SECRET };
  if (!hasCert) {
    problems.push(
      'DEFENDER_CLIENT_SECRET (or DEFENDER_CERTIFICATE_PATH with DEFENDER_PRIVATE_KEY_PATH): required.',
    );
    return undefined;
  }
  if (!env.DEFENDER_CERTIFICATE_PATH || !env.DEFENDER_PRIVATE_KEY_PATH) {
    problems.push(
      'DEFENDER_CERTIFICATE_PATH and DEFENDER_PRIVATE_KEY_PATH: give both for a certificate credential.',
    );
    return undefined;
  }
  const certificatePem = readPem(
    env.DEFENDER_CERTIFICATE_PATH,
    'DEFENDER_CERTIFICATE_PATH',
    sources,
    problems,
  );
  const privateKeyPem = readPem(
    env.DEFENDER_PRIVATE_KEY_PATH,
    'DEFENDER_PRIVATE_KEY_PATH',
    sources,
    problems,
  );
  if (!certificatePem || !privateKeyPem) return undefined;
  try {
    clientCertificate(certificatePem, privateKeyPem);
  } catch (error) {
    problems.push(`DEFENDER_CERTIFICATE_PATH and DEFENDER_PRIVATE_KEY_PATH: ${(error as Error).message}`);
    return undefined;
  }
  return { kind: 'certificate', certificatePem, privateKeyPem };
}

function productionDefender(env: Env, sources: ConfigSources, problems: string[]): DefenderConfig {
  const tenantId = env.DEFENDER_TENANT_ID ?? env.MicrosoftAppTenantId;
  if (!tenantId) problems.push('DEFENDER_TENANT_ID: required (or MicrosoftAppTenantId).');
  if (!env.DEFENDER_CLIENT_ID)
    problems.push('DEFENDER_CLIENT_ID: required (the Entra app that calls Defender).');
  const credential = defenderCredential(env, sources, problems);
  if (Boolean(env.MCAS_API_URL) !== Boolean(env.MCAS_API_TOKEN)) {
    problems.push('MCAS_API_URL and MCAS_API_TOKEN: give both to use Defender for Cloud Apps, or neither.');
  }
  const trustedCaPem = env.DEFENDER_CA_PATH
    ? readPem(env.DEFENDER_CA_PATH, 'DEFENDER_CA_PATH', sources, problems)
    : undefined;
  return {
    tenantId: tenantId ?? '',
    clientId: env.DEFENDER_CLIENT_ID ?? '',
    credential: credential ?? { kind: 'secret', secret: '' },
    authorityHost: env.DEFENDER_AUTHORITY_HOST ?? DEFENDER_DEFAULTS.authorityHost,
    mdeBaseUrl: env.MDE_API_URL ?? DEFENDER_DEFAULTS.mdeBaseUrl,
    mdeScope: env.MDE_SCOPE ?? DEFENDER_DEFAULTS.mdeScope,
    ...(env.MCAS_API_URL && env.MCAS_API_TOKEN
      ? { mcas: { baseUrl: env.MCAS_API_URL, token: env.MCAS_API_TOKEN } }
      : {}),
    ...(trustedCaPem ? { trustedCaPem } : {}),
    timeoutMs: env.DEFENDER_TIMEOUT_MS,
    maxRetries: env.DEFENDER_MAX_RETRIES,
    rateTimeScale: env.DEFENDER_RATE_TIME_SCALE,
  };
}

/** In demo mode Vigil talks to its own simulator with the simulator's demo credentials. */
function demoDefender(env: Env, simulator: SimulatorConfig): DefenderConfig {
  return {
    tenantId: DEMO_DEFENDER.tenantId,
    clientId: DEMO_DEFENDER.clientId,
    credential: { kind: 'secret', secret: DEMO_DEFENDER.secret },
    authorityHost: `https://127.0.0.1:${simulator.authPort}`,
    mdeBaseUrl: `http://127.0.0.1:${simulator.port}`,
    mdeScope: DEFENDER_DEFAULTS.mdeScope,
    mcas: { baseUrl: `http://127.0.0.1:${simulator.port}/mcas`, token: DEMO_DEFENDER.mcasToken },
    timeoutMs: env.DEFENDER_TIMEOUT_MS,
    maxRetries: env.DEFENDER_MAX_RETRIES,
    rateTimeScale: env.SIM_RATE_TIME_SCALE,
  };
}

function zodProblems(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string[] {
  return issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}.`);
}

/**
 * Reads and validates every setting once, reporting every problem in one `ConfigError`. The only place
 * in Vigil that reads the environment. With no `MicrosoftAppId`, Vigil runs in demo mode.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  sources: ConfigSources = nodeSources,
): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(zodProblems(parsed.error.issues));
  const values = parsed.data;
  const problems: string[] = [];
  const mode: Mode = values.MicrosoftAppId ? 'production' : 'demo';
  const simulator: SimulatorConfig = {
    port: values.SIM_PORT,
    authPort: values.SIM_AUTH_PORT ?? values.SIM_PORT + 1,
    alertEveryS: values.SIM_ALERT_EVERY_S,
    actionDelayMs: values.SIM_ACTION_DELAY_MS,
    rateTimeScale: values.SIM_RATE_TIME_SCALE,
  };
  const bot = botSettings(values, mode, problems);
  const defender =
    mode === 'demo' ? demoDefender(values, simulator) : productionDefender(values, sources, problems);
  if (mode === 'production' && !values.WEBHOOK_SECRET && !values.WEBHOOK_TOKEN) {
    problems.push(
      'WEBHOOK_SECRET (or WEBHOOK_TOKEN): required, so that only your senders can post alerts to Vigil.',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    mode,
    logLevel: values.LOG_LEVEL,
    bot,
    defender,
    simulator,
    store: { url: values.VIGIL_DB ?? './data/vigil.db' },
    ingest: {
      pollIntervalS: values.POLL_INTERVAL_S ?? (mode === 'demo' ? 5 : 30),
      minSeverity: values.INGEST_MIN_SEVERITY,
      statuses: values.INGEST_STATUSES,
      firstFetchHours: values.INGEST_FIRST_FETCH_HOURS,
      mcasPollIntervalS: values.MCAS_POLL_INTERVAL_S,
    },
    webhook: {
      ...(values.WEBHOOK_SECRET ? { hmacSecret: values.WEBHOOK_SECRET } : {}),
      ...(values.WEBHOOK_TOKEN ? { bearerToken: values.WEBHOOK_TOKEN } : {}),
      replayWindowS: values.WEBHOOK_REPLAY_WINDOW_S,
    },
    storms: { windowS: values.STORM_WINDOW_S, threshold: values.STORM_THRESHOLD },
    teams: {
      ...(values.SOC_CHANNEL_ID ? { socChannelId: values.SOC_CHANNEL_ID } : {}),
      admins: values.VIGIL_ADMINS,
    },
    playground: { port: values.PLAYGROUND_PORT },
  });
}
