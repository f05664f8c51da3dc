import { readFileSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';
import { clientCertificate } from '../adapters/defender/client-certificate';
import { DEFENDER_DEFAULTS, type DefenderSettings } from '../adapters/defender/defender-settings';
import { ConfigError } from './config-error';
import { describeConfigIssue } from './describe-config-issue';
import { type Env, envSchema, GUID_PATTERN } from './env-schema';

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

/** The Teams app package's settings (`npm run package`): what fills `manifest/manifest.json`. */
export interface TeamsAppConfig {
  /** `TEAMS_APP_ID`: the Teams app's own GUID (not the bot's). */
  readonly appId: string;
  /** `TEAMS_APP_VERSION`; unset: the packager takes package.json's version. */
  readonly version?: string;
  readonly developerName: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsOfUseUrl: string;
  /** `MicrosoftAppId`: the bot the app talks to; unset in demo mode. */
  readonly botId?: string;
}

/** Where the Teams app's settings point when they are not set: Vigil's own pages. */
export const TEAMS_APP_DEFAULTS = {
  appId: '1ca15286-3b3c-4be9-8e32-968fa087c7ff',
  developerName: 'Vigil contributors',
  websiteUrl: 'https://github.com/vigil-soc/vigil',
  privacyUrl: 'https://github.com/vigil-soc/vigil/blob/main/manifest/README.md#privacy',
  termsOfUseUrl: 'https://github.com/vigil-soc/vigil/blob/main/LICENSE',
} as const;

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
  /** Response actions: which machines need a second responder to isolate, and how long approval waits. */
  readonly actions: {
    readonly protectedTags: readonly string[];
    readonly protectedNamePatterns: readonly string[];
    readonly approvalExpiryMin: number;
    /** At most this many automatic isolations an hour; past it they wait for approval. */
    readonly autoIsolationsPerHour: number;
    /** `auto`: install the seed rule on first start (enabled in demo mode); `off`: never. */
    readonly seedRule: 'auto' | 'off';
  };
  readonly teams: {
    /** The SOC channel, when fixed by configuration (else chosen by `channel here` or demo mode). */
    readonly socChannelId?: string;
    /** Entra object ids of the first admins. */
    readonly admins: readonly string[];
  };
  readonly playground: { readonly port: number };
  /** The Teams app package's settings. */
  readonly teamsApp: TeamsAppConfig;
  /**
   * Settings that work but deserve a change (a new multi-tenant bot, no admin), each naming its
   * variable. Empty in demo mode. The composition root logs each as a warning at start.
   */
  readonly warnings: readonly string[];
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

/** The shortest `WEBHOOK_SECRET` or `WEBHOOK_TOKEN` production accepts. */
export const MIN_WEBHOOK_SECRET_LENGTH = 16;

/** The simulator's demo credentials: published in the README, so never a production secret. */
const DEMO_VALUES: ReadonlySet<string> = new Set(Object.values(DEMO_DEFENDER));

const RANDOM_SECRET = `at least ${MIN_WEBHOOK_SECRET_LENGTH} random characters (e.g. the output of \`openssl rand -hex 32\`)`;

/** The secrets and ids production refuses demo values for, and what to set instead. */
const REAL_VALUE_OF = {
  MicrosoftAppPassword: "a client secret of the Azure Bot's app registration (Certificates & secrets)",
  DEFENDER_CLIENT_ID:
    'the Application (client) ID of your Entra app that holds the WindowsDefenderATP permissions',
  DEFENDER_CLIENT_SECRET:
    'a client secret of that Entra app (Certificates & secrets), or use DEFENDER_CERTIFICATE_PATH instead',
  MCAS_API_TOKEN: 'an API token from the Microsoft Defender portal (Settings > Cloud Apps > API tokens)',
  WEBHOOK_SECRET: RANDOM_SECRET,
  WEBHOOK_TOKEN: RANDOM_SECRET,
} as const;

/** The ids production requires to be GUIDs, and where to find them. */
const GUID_OF = {
  MicrosoftAppId:
    "the Azure Bot's Microsoft App ID (Azure portal > your Azure Bot > Configuration; for UserAssignedMSI the managed identity's client ID)",
  MicrosoftAppTenantId: 'your Entra tenant ID (Entra admin center > Overview > Tenant ID), not a domain name',
  DEFENDER_CLIENT_ID: REAL_VALUE_OF.DEFENDER_CLIENT_ID,
} as const;

/** The Defender URLs, and what production should have instead of this machine's address. */
const DEFENDER_URL_FIX = {
  MDE_API_URL:
    'Leave it empty for https://api.security.microsoft.com, or set a regional or US Government host (docs/setup.md)',
  DEFENDER_AUTHORITY_HOST:
    'Leave it empty for https://login.microsoftonline.com (GCC High and DoD: https://login.microsoftonline.us)',
  MCAS_API_URL:
    'Set the portal URL shown with your Cloud Apps API token (https://<tenant>.<region>.portal.cloudappsecurity.com)',
} as const;

/** Settings only production reads: set beside an empty `MicrosoftAppId`, that id was forgotten. */
const PRODUCTION_ONLY = [
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
  'DEFENDER_TENANT_ID',
  'DEFENDER_CLIENT_ID',
  'DEFENDER_CLIENT_SECRET',
  'DEFENDER_CERTIFICATE_PATH',
  'DEFENDER_PRIVATE_KEY_PATH',
  'MCAS_API_TOKEN',
] as const;

/** A value copied from an example instead of filled in, such as `<bot-client-secret>`. */
const isPlaceholder = (value: string) => /^<[^<>]*>$/.test(value);

/** `localhost`, `127.x.x.x`, `::1` and the like: where only the Defender simulator can be. */
function isThisMachine(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIPv4(host)) return host.startsWith('127.') || host === '0.0.0.0';
  return isIPv6(host) && (host === '::1' || host === '::' || /^::ffff:(7f[0-9a-f]{2}:|127\.)/.test(host));
}

/** Demo credentials, leftover placeholders and short webhook secrets: one problem per variable. */
function refuseWeakSecrets(env: Env, problems: string[], reported: Set<string>): void {
  for (const [name, instead] of Object.entries(REAL_VALUE_OF) as [keyof typeof REAL_VALUE_OF, string][]) {
    const value = env[name];
    let problem: string | undefined;
    if (value === undefined) continue;
    if (DEMO_VALUES.has(value)) {
      problem = `${name}: is a demo credential of the Defender simulator (published in the README); never use it in production. Set ${instead}.`;
    } else if (isPlaceholder(value)) {
      problem = `${name}: is still a placeholder from the example. Set ${instead}.`;
    } else if (name.startsWith('WEBHOOK_') && value.length < MIN_WEBHOOK_SECRET_LENGTH) {
      problem = `${name}: is shorter than ${MIN_WEBHOOK_SECRET_LENGTH} characters, too easy to guess. Set ${instead}.`;
    }
    if (problem === undefined) continue;
    problems.push(problem);
    reported.add(name);
  }
}

function refuseMalformedIds(env: Env, problems: string[], reported: Set<string>): void {
  for (const [name, what] of Object.entries(GUID_OF) as [keyof typeof GUID_OF, string][]) {
    const value = env[name];
    if (value === undefined || reported.has(name) || GUID_PATTERN.test(value)) continue;
    problems.push(`${name}: must be a GUID (8-4-4-4-12 hex digits): set ${what}.`);
  }
}

/** Defender URLs on this machine or over plain HTTP: the simulator's settings, not Microsoft's. */
function refuseLocalDefender(env: Env, problems: string[]): void {
  for (const [name, fix] of Object.entries(DEFENDER_URL_FIX) as [keyof typeof DEFENDER_URL_FIX, string][]) {
    const value = env[name];
    if (value === undefined) continue;
    const url = new URL(value);
    if (isThisMachine(url.hostname)) {
      problems.push(
        `${name}: points to this machine (${url.host}), where only the Defender simulator runs; production talks to Microsoft. ${fix}.`,
      );
    } else if (url.protocol !== 'https:') {
      problems.push(
        `${name}: must be an https:// URL in production, so that tokens and alerts never travel unencrypted. ${fix}.`,
      );
    }
  }
}

/**
 * What production refuses beyond missing settings: demo credentials and placeholders, ids that are
 * not GUIDs, short webhook secrets, Defender URLs on this machine or over HTTP, a shrunken rate window.
 */
function refuseUnsafeProduction(env: Env, problems: string[]): void {
  const reported = new Set<string>();
  refuseWeakSecrets(env, problems, reported);
  refuseMalformedIds(env, problems, reported);
  refuseLocalDefender(env, problems);
  if (env.DEFENDER_RATE_TIME_SCALE < 1) {
    problems.push(
      "DEFENDER_RATE_TIME_SCALE: below 1 only suits tests against the simulator; against Defender, Vigil would exceed MDE's rate limits. Leave it empty (1).",
    );
  }
}

/** Demo mode with production credentials set: `MicrosoftAppId` was forgotten, not left out on purpose. */
function refuseForgottenAppId(env: Env, problems: string[]): void {
  const set = PRODUCTION_ONLY.filter((name) => env[name] !== undefined);
  if (set.length === 0) return;
  const names = set.length === 1 ? `${set[0]} is` : `${set.slice(0, -1).join(', ')} and ${set.at(-1)} are`;
  problems.push(
    `MicrosoftAppId: empty, but ${names} set, so this is meant to be production (with no MicrosoftAppId, Vigil runs demo mode and does not authenticate /api/messages). Set MicrosoftAppId to the Azure Bot's Microsoft App ID, or unset ${set.length === 1 ? 'it' : 'them'} to run demo mode.`,
  );
}

/** Production settings that work but deserve a change. */
function productionWarnings(env: Env): string[] {
  const warnings: string[] = [];
  if (env.MicrosoftAppType === 'MultiTenant') {
    warnings.push(
      'MicrosoftAppType: MultiTenant bots can no longer be created (deprecated after 31 July 2025); an existing one keeps working. For a new registration use SingleTenant with MicrosoftAppTenantId.',
    );
  }
  if (env.VIGIL_ADMINS.length === 0 && !env.SOC_CHANNEL_ID) {
    warnings.push(
      'VIGIL_ADMINS: empty and SOC_CHANNEL_ID unset, so nobody can choose the SOC channel (`channel here`) and alert cards have nowhere to go. Set VIGIL_ADMINS to your Entra object ID.',
    );
  }
  return warnings;
}

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

function teamsAppSettings(env: Pick<Env, TeamsAppVariable>): TeamsAppConfig {
  return {
    appId: env.TEAMS_APP_ID ?? TEAMS_APP_DEFAULTS.appId,
    ...(env.TEAMS_APP_VERSION ? { version: env.TEAMS_APP_VERSION } : {}),
    developerName: env.TEAMS_APP_DEVELOPER_NAME ?? TEAMS_APP_DEFAULTS.developerName,
    websiteUrl: env.TEAMS_APP_WEBSITE_URL ?? TEAMS_APP_DEFAULTS.websiteUrl,
    privacyUrl: env.TEAMS_APP_PRIVACY_URL ?? TEAMS_APP_DEFAULTS.privacyUrl,
    termsOfUseUrl: env.TEAMS_APP_TERMS_URL ?? TEAMS_APP_DEFAULTS.termsOfUseUrl,
    ...(env.MicrosoftAppId ? { botId: env.MicrosoftAppId } : {}),
  };
}

const TEAMS_APP_VARIABLES = {
  MicrosoftAppId: true,
  TEAMS_APP_ID: true,
  TEAMS_APP_VERSION: true,
  TEAMS_APP_DEVELOPER_NAME: true,
  TEAMS_APP_WEBSITE_URL: true,
  TEAMS_APP_PRIVACY_URL: true,
  TEAMS_APP_TERMS_URL: true,
} as const;
type TeamsAppVariable = keyof typeof TEAMS_APP_VARIABLES;

/**
 * Reads and validates every setting once, reporting every problem in one `ConfigError`. The only place
 * in Vigil that reads the environment. With no `MicrosoftAppId`, Vigil runs in demo mode.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  sources: ConfigSources = nodeSources,
): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map(describeConfigIssue));
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
  if (mode === 'production') refuseUnsafeProduction(values, problems);
  else refuseForgottenAppId(values, problems);
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
    actions: {
      protectedTags: values.PROTECTED_MACHINE_TAGS,
      protectedNamePatterns: values.PROTECTED_MACHINE_NAMES,
      approvalExpiryMin: values.APPROVAL_EXPIRY_MIN,
      autoIsolationsPerHour: values.AUTO_ISOLATIONS_PER_HOUR,
      seedRule: values.SEED_RULE,
    },
    teams: {
      ...(values.SOC_CHANNEL_ID ? { socChannelId: values.SOC_CHANNEL_ID } : {}),
      admins: values.VIGIL_ADMINS,
    },
    playground: { port: values.PLAYGROUND_PORT },
    teamsApp: teamsAppSettings(values),
    warnings: mode === 'production' ? productionWarnings(values) : [],
  });
}

/**
 * Reads only the Teams app package's settings (`TEAMS_APP_*` and `MicrosoftAppId`), so that
 * `npm run package` needs no Defender credentials; the same rules as `loadConfig`'s `teamsApp`.
 */
export function loadTeamsAppConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Readonly<TeamsAppConfig> {
  const parsed = envSchema.pick(TEAMS_APP_VARIABLES).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map(describeConfigIssue));
  return Object.freeze(teamsAppSettings(parsed.data));
}
