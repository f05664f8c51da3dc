/**
 * `npm run package`: builds the Teams app package (the zip to upload to Teams) from `manifest/`.
 *
 *   npm run package                     needs MicrosoftAppId: writes dist/vigil-teams-app.zip
 *   npm run package -- --demo           placeholder bot id: writes dist/vigil-teams-app.demo.zip
 *   npm run package -- --out <file.zip> another path
 *
 * Settings come from the environment and `.env` (TEAMS_APP_*, MicrosoftAppId; see .env.sample). The
 * manifest is validated offline against `manifest/manifest.schema.json`; nothing is fetched.
 * Exit codes: 0 written, 1 the package is invalid (manifest or icons), 2 settings or arguments.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { COMMANDS } from '../src/adapters/teams/commands/route-command';
import { AppPackageError } from '../src/adapters/teams/manifest/app-package-error';
import { buildAppPackage } from '../src/adapters/teams/manifest/build-app-package';
import { DEMO_BOT_ID, type ManifestSettings } from '../src/adapters/teams/manifest/build-manifest';
import { readManifestSources } from '../src/adapters/teams/manifest/read-manifest-sources';
import { ConfigError } from '../src/config/config-error';
import { GUID_PATTERN } from '../src/config/env-schema';
import { loadTeamsAppConfig } from '../src/config/load-config';

/** The repository: the nearest folder above this script with `manifest/manifest.json` (tsx or dist/). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'manifest', 'manifest.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}

const ROOT = findRoot(__dirname);
const USAGE = 'usage: npm run package [-- --demo] [-- --out <file.zip>]';

/** The command line, parsed. */
interface Options {
  readonly demo: boolean;
  readonly out?: string;
  readonly help: boolean;
}

/** A problem with the settings or the arguments: exit code 2. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  let demo = false;
  let help = false;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--demo') demo = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg === '--out' ? argv[++i] : arg.slice('--out='.length);
      if (!out) throw new UsageError(`--out needs a file name.\n${USAGE}`);
    } else throw new UsageError(`unknown argument "${arg}".\n${USAGE}`);
  }
  return { demo, help, ...(out ? { out } : {}) };
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The manifest's settings from the environment; the bot id decides between demo and a real tenant. */
function manifestSettings(env: NodeJS.ProcessEnv, demo: boolean): ManifestSettings {
  const app = loadTeamsAppConfig(env);
  let botId = app.botId;
  if (demo) botId = DEMO_BOT_ID;
  else if (botId === undefined) {
    throw new UsageError(
      [
        'MicrosoftAppId is not set. A Teams app package for a real tenant needs the bot it talks to:',
        "set MicrosoftAppId (in .env or the environment) to your Azure Bot's Microsoft App ID, a GUID",
        '(Azure portal > your Azure Bot > Configuration).',
        'To build a demo package with a placeholder bot id instead: npm run package -- --demo',
      ].join('\n'),
    );
  } else if (!GUID_PATTERN.test(botId)) {
    throw new UsageError(
      `MicrosoftAppId: must be a GUID (8-4-4-4-12 hex digits), the Azure Bot's Microsoft App ID; got "${botId}".`,
    );
  }
  return {
    appId: app.appId,
    version: app.version ?? packageVersion(),
    developerName: app.developerName,
    websiteUrl: app.websiteUrl,
    privacyUrl: app.privacyUrl,
    termsOfUseUrl: app.termsOfUseUrl,
    botId,
  };
}

function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere;
}

/** Runs the command; returns the exit code. */
export function packageApp(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  try {
    const options = parseArgs(argv);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    const settings = manifestSettings(env, options.demo);
    const built = buildAppPackage(readManifestSources(join(ROOT, 'manifest')), settings, COMMANDS);
    const defaultName = options.demo ? 'vigil-teams-app.demo.zip' : 'vigil-teams-app.zip';
    const out = options.out ? resolve(options.out) : join(ROOT, 'dist', defaultName);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, built.zip);

    const bot = built.manifest.bots[0]!;
    const menus = (bot.commandLists ?? [])
      .map((list) => `${list.scopes.join(', ')}: ${list.commands.map((c) => c.title).join(', ')}`)
      .join(' · ');
    console.log(`Teams app package written: ${shownPath(out)} (${built.zip.length} bytes)`);
    console.log(
      `  manifest.json ${Buffer.byteLength(built.manifestJson)} bytes, v${built.manifest.manifestVersion}, valid against manifest/manifest.schema.json (offline)`,
    );
    console.log(
      `  ${built.manifest.icons.color} 192x192 · ${built.manifest.icons.outline} 32x32, transparent`,
    );
    console.log(`  app ${built.manifest.id} version ${built.manifest.version}, bot ${bot.botId}`);
    console.log(`  commands: ${menus}`);
    if (options.demo) {
      console.log(
        `DEMO package: its bot id is the placeholder ${DEMO_BOT_ID}, so no bot answers it in Teams.` +
          ' Set MicrosoftAppId and run `npm run package` for your tenant.',
      );
    } else {
      console.log('Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.');
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`npm run package: ${error.message}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      console.error(`npm run package: ${error.friendlyMessage}`);
      return 2;
    }
    if (error instanceof AppPackageError) {
      console.error(`npm run package: ${error.friendlyMessage}`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  process.exitCode = packageApp(process.argv.slice(2));
}
