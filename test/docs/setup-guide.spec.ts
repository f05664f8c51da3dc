import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  MCAS_REQUIRED_PERMISSIONS,
  MDE_REQUIRED_PERMISSIONS,
} from '../../src/adapters/defender/required-permissions';
import { ConfigError } from '../../src/config/config-error';
import { envSchema } from '../../src/config/env-schema';
import { loadConfig } from '../../src/config/load-config';

/**
 * The setup guide and the troubleshooting page name settings, permissions, error codes and commands;
 * these tests hold every name to the code, so the guide cannot drift from what Vigil reads and says.
 */

const ROOT = join(__dirname, '..', '..');
const GUIDES = ['docs/setup.md', 'docs/troubleshooting.md'] as const;
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Settings the guide names that Azure reads, not Vigil. */
const PLATFORM_SETTINGS: Readonly<Record<string, string>> = {
  WEBSITES_PORT: 'App Service: the port it forwards to in a custom container',
  WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'App Service: mounts the persistent /home into a custom container',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service: builds the app on deployment',
};

/** Environment variable names: Bot Framework's own (`MicrosoftApp…`) or upper case with underscores. */
const VARIABLE = /(?<![\w.$-])\$?(Microsoft[A-Z][A-Za-z]+|[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)(_\*)?(?![\w-])/g;

/** Stable error codes such as `DEFENDER.FORBIDDEN` or `STORE.OPEN_FAILED`. */
const ERROR_CODE = /(?<![\w.])(?:CONFIG|DEFENDER|TEAMS|WEBHOOK|STORE|HTTP)\.[A-Z][A-Z_]+(?!\w)/g;

/** WindowsDefenderATP and Cloud Apps permissions, in any sentence. */
const PERMISSION =
  /(?<![\w.])(?:Alert|Machine|User|AdvancedQuery|Investigation)\.[A-Za-z]+(?:\.All)?(?![\w])/g;

const schemaKeys = new Set(Object.keys(envSchema.shape));
const sampleKeys = new Set(
  read('.env.sample')
    .split('\n')
    .map((line) => /^([A-Za-z][A-Za-z0-9_]*)=/.exec(line)?.[1])
    .filter((key): key is string => key !== undefined),
);
const knownPermissions = new Set([
  ...Object.values(MDE_REQUIRED_PERMISSIONS),
  ...Object.values(MCAS_REQUIRED_PERMISSIONS),
]);

function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceText(path);
      return name.endsWith('.ts') ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)];

for (const guide of GUIDES) {
  describe(guide, () => {
    const text = read(guide);

    it('should name only settings Vigil reads and .env.sample documents (or Azure settings, said so)', () => {
      const names = new Set(matches(text, VARIABLE).map((m) => `${m[1]}${m[2] ?? ''}`));
      assert.ok(names.size > 0);
      for (const name of names) {
        if (name.endsWith('_*')) {
          const prefix = name.slice(0, -1);
          assert.ok(
            [...schemaKeys].some((key) => key.startsWith(prefix)),
            `${name}: no setting starts with ${prefix}`,
          );
          continue;
        }
        if (name in PLATFORM_SETTINGS) continue;
        assert.ok(schemaKeys.has(name), `${name} is not in src/config/env-schema.ts`);
        assert.ok(sampleKeys.has(name), `${name} is not in .env.sample`);
      }
    });

    it('should name only permissions that required-permissions.ts knows', () => {
      for (const [permission] of matches(text, PERMISSION)) {
        assert.ok(knownPermissions.has(permission), `${permission} is not in required-permissions.ts`);
      }
    });

    it('should name only error codes that exist in src/', () => {
      const source = sourceText(join(ROOT, 'src'));
      for (const [code] of matches(text, ERROR_CODE)) {
        assert.ok(source.includes(`'${code}'`) || source.includes(`"${code}"`), `${code} is not in src/`);
      }
    });

    it('should run only npm scripts that exist', () => {
      const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
      for (const [, script] of matches(text, /\bnpm run ([\w:-]+)/g)) {
        assert.ok(script !== undefined && script in scripts, `npm run ${script} is not a script`);
      }
    });

    it('should link only to files that exist', () => {
      for (const [, target] of matches(text, /\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (target === undefined || /^[a-z]+:/.test(target)) continue;
        assert.ok(
          statSync(join(ROOT, dirname(guide), target), { throwIfNoEntry: false }),
          `${target} does not exist`,
        );
      }
    });
  });
}

describe('docs/setup.md', () => {
  const text = read('docs/setup.md');

  it('should name every permission Vigil may need, in its table', () => {
    for (const permission of knownPermissions) {
      assert.ok(text.includes(`\`${permission}\``), `${permission} is missing from the setup guide`);
    }
  });

  it('should give a production .env whose every placeholder Vigil refuses, and that loads once filled in', () => {
    const block = /```bash\n(# Bot \(step 1\)[\s\S]*?)```/.exec(text)?.[1];
    assert.ok(block, 'the complete .env example is missing');
    const env: Record<string, string> = {};
    for (const line of block.split('\n')) {
      const match = /^([A-Za-z][A-Za-z0-9_]*)=(.*)$/.exec(line);
      if (match?.[1] !== undefined) env[match[1]] = match[2] ?? '';
    }
    const placeholders = Object.entries(env).filter(([, value]) => value.includes('<'));
    assert.ok(placeholders.length > 0);
    const filled: Record<string, string> = {
      ...env,
      MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
      MicrosoftAppPassword: 'a-real-bot-client-secret',
      MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222',
      DEFENDER_CLIENT_ID: '33333333-3333-3333-3333-333333333333',
      DEFENDER_CLIENT_SECRET: 'a-real-defender-client-secret',
      MCAS_API_URL: 'https://contoso.eu2.portal.cloudappsecurity.com',
      MCAS_API_TOKEN: 'a-real-cloud-apps-token',
      WEBHOOK_TOKEN: '0123456789abcdef0123456789abcdef',
      WEBHOOK_SECRET: 'fedcba9876543210fedcba9876543210',
      VIGIL_ADMINS: '44444444-4444-4444-8444-444444444444',
    };
    assert.deepEqual(
      Object.entries(filled).filter(([, value]) => value.includes('<')),
      [],
      'the test fills in every placeholder of the example',
    );
    // A placeholder left in any one setting is refused, naming that setting.
    for (const [name, placeholder] of placeholders) {
      let problems: readonly string[] = [];
      try {
        loadConfig({ ...filled, [name]: placeholder }, { readFile: () => '' });
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        problems = error.problems;
      }
      assert.ok(
        problems.some((p) => p.startsWith(`${name}:`) || p.startsWith(`${name} (item`)),
        `${name}=${placeholder} is not refused: ${problems.join(' | ')}`,
      );
    }
    const config = loadConfig(filled, { readFile: () => '' });
    assert.equal(config.mode, 'production');
    assert.deepEqual(config.warnings, []);
  });
});

describe('docs/troubleshooting.md', () => {
  it('should quote the refusals exactly as Vigil prints them', () => {
    const text = read('docs/troubleshooting.md');
    const example = /```\n(Vigil's configuration has[\s\S]*?)```/.exec(text)?.[1];
    assert.ok(example, 'the example of a refused configuration is missing');
    let message = '';
    try {
      loadConfig({
        MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
        MicrosoftAppPassword: 'a-real-bot-client-secret',
        MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222',
        DEFENDER_CLIENT_ID: '33333333-3333-3333-3333-333333333333',
        DEFENDER_CLIENT_SECRET: 'vigil-demo-secret',
        WEBHOOK_TOKEN: 'flow-token',
      });
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      message = error.friendlyMessage;
    }
    assert.equal(example.trim(), message);
  });
});
