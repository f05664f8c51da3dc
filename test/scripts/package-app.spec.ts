import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../src/adapters/teams/commands/route-command';
import { DEMO_BOT_ID } from '../../src/adapters/teams/manifest/build-manifest';
import { buildCommandLists } from '../../src/adapters/teams/manifest/command-lists';
import { validateManifest } from '../../src/adapters/teams/manifest/validate-manifest';
import { ConfigError } from '../../src/config/config-error';
import { loadConfig, loadTeamsAppConfig, TEAMS_APP_DEFAULTS } from '../../src/config/load-config';
import { ROOT, repoSources } from '../adapters/teams/manifest/manifest-fixture';
import { readZip } from '../adapters/teams/manifest/read-zip';

const SCRIPT = join(ROOT, 'scripts', 'package-app.ts');
const BOT_ID = '11111111-2222-3333-4444-555555555555';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment of the child: this one without any setting the packager reads. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name === 'MicrosoftAppId' || name.startsWith('TEAMS_APP_')) delete env[name];
  }
  return { ...env, ...extra };
}

describe('npm run package (scripts/package-app.ts)', function () {
  this.timeout(60_000);
  let dir: string;

  /** Runs the CLI in a fresh directory (no .env there) as `npm run package` does, through tsx. */
  function run(args: string[], env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), SCRIPT, ...args], {
      cwd: dir,
      env: cleanEnv(env),
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-package-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should exit 0 and write a zip with the three files at its root, for MicrosoftAppId', () => {
    const out = join(dir, 'vigil.zip');
    const { code, stdout, stderr } = run(['--out', out], { MicrosoftAppId: BOT_ID });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Teams app package written: .*vigil\.zip \(\d+ bytes\)/);
    const files = readZip(readFileSync(out));
    assert.deepEqual(
      files.map((f) => f.name),
      ['manifest.json', 'color.png', 'outline.png'],
    );
    const result = validateManifest(JSON.parse(files[0]!.data.toString('utf8')), repoSources().schema);
    assert.ok(result.valid, result.valid ? '' : result.problems.join('\n'));
    const { manifest } = result;
    assert.equal(manifest.bots[0]!.botId, BOT_ID);
    assert.equal(manifest.id, TEAMS_APP_DEFAULTS.appId);
    assert.equal(manifest.version, VERSION, "the version defaults to package.json's");
    assert.deepEqual(manifest.bots[0]!.commandLists, buildCommandLists(COMMANDS), 'the menu is the registry');
  });

  it('should fill the TEAMS_APP_* settings', () => {
    const out = join(dir, 'custom.zip');
    const { code, stderr } = run([`--out=${out}`], {
      MicrosoftAppId: BOT_ID,
      TEAMS_APP_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      TEAMS_APP_VERSION: '2.0.1',
      TEAMS_APP_DEVELOPER_NAME: 'Contoso SOC',
      TEAMS_APP_WEBSITE_URL: 'https://soc.contoso.com',
      TEAMS_APP_PRIVACY_URL: 'https://soc.contoso.com/privacy',
      TEAMS_APP_TERMS_URL: 'https://soc.contoso.com/terms',
    });
    assert.equal(code, 0, stderr);
    const manifest = JSON.parse(readZip(readFileSync(out))[0]!.data.toString('utf8'));
    assert.equal(manifest.id, 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    assert.equal(manifest.version, '2.0.1');
    assert.deepEqual(manifest.developer, {
      name: 'Contoso SOC',
      websiteUrl: 'https://soc.contoso.com',
      privacyUrl: 'https://soc.contoso.com/privacy',
      termsOfUseUrl: 'https://soc.contoso.com/terms',
    });
  });

  it('should exit 2 without MicrosoftAppId, saying a real tenant needs it, and write nothing', () => {
    const out = join(dir, 'none.zip');
    const { code, stderr } = run(['--out', out]);
    assert.equal(code, 2);
    assert.match(stderr, /MicrosoftAppId is not set\. A Teams app package for a real tenant needs/);
    assert.match(stderr, /npm run package -- --demo/);
    assert.equal(existsSync(out), false);
  });

  it('should build a demo package with the placeholder bot id under --demo', () => {
    const out = join(dir, 'demo.zip');
    const { code, stdout, stderr } = run(['--demo', '--out', out]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /DEMO package/);
    const manifest = JSON.parse(readZip(readFileSync(out))[0]!.data.toString('utf8'));
    assert.equal(manifest.bots[0].botId, DEMO_BOT_ID);
  });

  it('should exit 2 on bad settings or arguments, naming them', () => {
    const notGuid = run(['--out', join(dir, 'x.zip')], { MicrosoftAppId: 'vigil-bot' });
    assert.equal(notGuid.code, 2);
    assert.match(notGuid.stderr, /MicrosoftAppId: must be a GUID/);
    const badSettings = run(['--demo', '--out', join(dir, 'x.zip')], {
      TEAMS_APP_ID: 'vigil',
      TEAMS_APP_PRIVACY_URL: 'http://soc.contoso.com/privacy',
    });
    assert.equal(badSettings.code, 2);
    assert.match(badSettings.stderr, /TEAMS_APP_ID: must be a GUID/);
    assert.match(badSettings.stderr, /TEAMS_APP_PRIVACY_URL: must be an https URL/);
    const badArgument = run(['--zip']);
    assert.equal(badArgument.code, 2);
    assert.match(badArgument.stderr, /unknown argument "--zip"/);
  });

  it('should read MicrosoftAppId from a .env file in the working directory', () => {
    writeFileSync(join(dir, '.env'), `MicrosoftAppId=${BOT_ID}\n`);
    const out = join(dir, 'env.zip');
    const { code, stderr } = run(['--out', out]);
    assert.equal(code, 0, stderr);
    const manifest = JSON.parse(readZip(readFileSync(out))[0]!.data.toString('utf8'));
    assert.equal(manifest.bots[0].botId, BOT_ID);
  });
});

describe('loadTeamsAppConfig', () => {
  it("should default to Vigil's app id and pages, without a version or a bot", () => {
    assert.deepEqual({ ...loadTeamsAppConfig({}) }, { ...TEAMS_APP_DEFAULTS });
  });

  it('should need no Defender settings, even with MicrosoftAppId set', () => {
    const app = loadTeamsAppConfig({ MicrosoftAppId: BOT_ID, TEAMS_APP_VERSION: '1.4.0' });
    assert.equal(app.botId, BOT_ID);
    assert.equal(app.version, '1.4.0');
  });

  it('should refuse bad values, naming each variable', () => {
    try {
      loadTeamsAppConfig({
        TEAMS_APP_ID: 'not-a-guid',
        TEAMS_APP_VERSION: '1.0',
        TEAMS_APP_DEVELOPER_NAME: 'x'.repeat(33),
        TEAMS_APP_WEBSITE_URL: 'ftp://example.com',
        TEAMS_APP_TERMS_URL: 'http://example.com/terms',
      });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(
        error.problems.map((p) => p.split(':')[0]),
        [
          'TEAMS_APP_ID',
          'TEAMS_APP_VERSION',
          'TEAMS_APP_DEVELOPER_NAME',
          'TEAMS_APP_WEBSITE_URL',
          'TEAMS_APP_TERMS_URL',
        ],
      );
    }
  });

  it("should be loadConfig's teamsApp block too", () => {
    assert.deepEqual(loadConfig({ TEAMS_APP_VERSION: '3.1.4' }).teamsApp, {
      ...TEAMS_APP_DEFAULTS,
      version: '3.1.4',
    });
  });
});
