import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { generate } from 'selfsigned';
import { ConfigError } from '../../src/config/config-error';
import { type ConfigSources, loadConfig } from '../../src/config/load-config';

const noFiles: ConfigSources = {
  readFile: (path) => {
    throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
  },
};

const production = {
  MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
  MicrosoftAppPassword: 'bot-secret',
  MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222',
  DEFENDER_CLIENT_ID: '33333333-3333-3333-3333-333333333333',
  DEFENDER_CLIENT_SECRET: 'defender-secret',
  WEBHOOK_SECRET: 'webhook-hmac-key',
  VIGIL_ADMINS: '44444444-4444-4444-8444-444444444444',
};

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.equal(error.code, 'CONFIG.INVALID');
    return error.problems;
  }
  assert.fail('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('should choose demo mode with the simulator defaults when no Microsoft credentials are set', () => {
    const config = loadConfig({}, noFiles);
    assert.equal(config.mode, 'demo');
    assert.equal(config.bot.port, 3978);
    assert.equal(config.bot.host, '127.0.0.1');
    assert.equal(config.simulator.port, 3979);
    assert.equal(config.simulator.authPort, 3980);
    assert.equal(config.simulator.alertEveryS, 45);
    assert.equal(config.defender.clientId, 'vigil-demo');
    assert.equal(config.defender.authorityHost, 'https://127.0.0.1:3980');
    assert.equal(config.defender.mdeBaseUrl, 'http://127.0.0.1:3979');
    assert.deepEqual(config.defender.mcas, {
      baseUrl: 'http://127.0.0.1:3979/mcas',
      token: 'vigil-demo-secret',
    });
  });

  it('should follow SIM_PORT and SIM_AUTH_PORT in the demo Defender URLs', () => {
    const config = loadConfig({ SIM_PORT: '4100', SIM_AUTH_PORT: '4200', PORT: '4000' }, noFiles);
    assert.equal(config.bot.port, 4000);
    assert.equal(config.defender.mdeBaseUrl, 'http://127.0.0.1:4100');
    assert.equal(config.defender.authorityHost, 'https://127.0.0.1:4200');
  });

  it('should treat an empty variable as unset', () => {
    const config = loadConfig({ MicrosoftAppId: '', PORT: '  ' }, noFiles);
    assert.equal(config.mode, 'demo');
    assert.equal(config.bot.port, 3978);
  });

  it('should report every malformed variable in one error', () => {
    const problems = problemsOf(() =>
      loadConfig(
        { PORT: 'eighty', LOG_LEVEL: 'loud', MDE_API_URL: 'not a url', SIM_ALERT_EVERY_S: '-1' },
        noFiles,
      ),
    );
    assert.equal(problems.length, 4);
    for (const name of ['PORT', 'LOG_LEVEL', 'MDE_API_URL', 'SIM_ALERT_EVERY_S']) {
      assert.ok(
        problems.some((p) => p.startsWith(`${name}:`)),
        `no problem names ${name}: ${problems.join(' | ')}`,
      );
    }
  });

  it('should say what each malformed variable must be, in plain words', () => {
    const problems = problemsOf(() =>
      loadConfig(
        {
          POLL_INTERVAL_S: 'soon',
          WEBHOOK_REPLAY_WINDOW_S: '9.5',
          LOG_LEVEL: 'loud',
          INGEST_STATUSES: 'new,closed',
        },
        noFiles,
      ),
    );
    assert.deepEqual([...problems].sort(), [
      'INGEST_STATUSES (item 2): must be one of new, inProgress, resolved.',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent.',
      'POLL_INTERVAL_S: must be a number.',
      'WEBHOOK_REPLAY_WINDOW_S: must be a whole number.',
    ]);
  });

  it('should load a production configuration with real Microsoft endpoints by default', () => {
    const config = loadConfig(production, noFiles);
    assert.equal(config.mode, 'production');
    assert.equal(config.bot.host, '0.0.0.0');
    assert.equal(config.bot.appType, 'SingleTenant');
    assert.equal(config.defender.tenantId, production.MicrosoftAppTenantId);
    assert.equal(config.defender.authorityHost, 'https://login.microsoftonline.com');
    assert.equal(config.defender.mdeBaseUrl, 'https://api.security.microsoft.com');
    assert.equal(config.defender.mdeScope, 'https://api.securitycenter.microsoft.com/.default');
    assert.deepEqual(config.defender.credential, { kind: 'secret', secret: 'defender-secret' });
    assert.equal(config.defender.mcas, undefined);
  });

  it('should name every missing production setting at once', () => {
    const problems = problemsOf(() => loadConfig({ MicrosoftAppId: production.MicrosoftAppId }, noFiles));
    for (const name of [
      'MicrosoftAppTenantId',
      'MicrosoftAppPassword',
      'DEFENDER_TENANT_ID',
      'DEFENDER_CLIENT_ID',
    ]) {
      assert.ok(
        problems.some((p) => p.startsWith(name)),
        `no problem names ${name}: ${problems.join(' | ')}`,
      );
    }
    assert.ok(problems.some((p) => p.includes('DEFENDER_CLIENT_SECRET')));
  });

  it('should refuse a password for a user-assigned managed identity', () => {
    const problems = problemsOf(() =>
      loadConfig({ ...production, MicrosoftAppType: 'UserAssignedMSI' }, noFiles),
    );
    assert.deepEqual(problems, [
      'MicrosoftAppPassword: must be empty when MicrosoftAppType is UserAssignedMSI.',
    ]);
  });

  it('should read a certificate credential from the named files', async () => {
    const pems = await generate([{ name: 'commonName', value: 'vigil-test' }], { keySize: 2048 });
    const files: Record<string, string> = { '/c.pem': pems.cert, '/k.pem': pems.private };
    const sources: ConfigSources = { readFile: (path) => files[path] ?? assert.fail(`unexpected ${path}`) };
    const { DEFENDER_CLIENT_SECRET: _unused, ...withoutSecret } = production;
    const config = loadConfig(
      { ...withoutSecret, DEFENDER_CERTIFICATE_PATH: '/c.pem', DEFENDER_PRIVATE_KEY_PATH: '/k.pem' },
      sources,
    );
    assert.deepEqual(config.defender.credential, {
      kind: 'certificate',
      certificatePem: pems.cert,
      privateKeyPem: pems.private,
    });
  });

  it('should refuse a certificate whose key does not belong to it, naming no key material', async () => {
    const pems = await generate([{ name: 'commonName', value: 'vigil-test' }], { keySize: 2048 });
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const files: Record<string, string> = { '/c.pem': pems.cert, '/k.pem': otherKey.toString() };
    const sources: ConfigSources = { readFile: (path) => files[path] ?? assert.fail(`unexpected ${path}`) };
    const { DEFENDER_CLIENT_SECRET: _unused, ...withoutSecret } = production;
    const problems = problemsOf(() =>
      loadConfig(
        { ...withoutSecret, DEFENDER_CERTIFICATE_PATH: '/c.pem', DEFENDER_PRIVATE_KEY_PATH: '/k.pem' },
        sources,
      ),
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /does not belong to the client certificate/);
    assert.doesNotMatch(problems[0] ?? '', /PRIVATE KEY/);
  });

  it('should name an unreadable certificate file', () => {
    const { DEFENDER_CLIENT_SECRET: _unused, ...withoutSecret } = production;
    const problems = problemsOf(() =>
      loadConfig(
        { ...withoutSecret, DEFENDER_CERTIFICATE_PATH: '/c.pem', DEFENDER_PRIVATE_KEY_PATH: '/k.pem' },
        noFiles,
      ),
    );
    assert.deepEqual(problems, [
      'DEFENDER_CERTIFICATE_PATH: cannot read /c.pem (ENOENT).',
      'DEFENDER_PRIVATE_KEY_PATH: cannot read /k.pem (ENOENT).',
    ]);
  });

  it('should refuse a secret and a certificate together, and half of the MCAS settings', () => {
    const problems = problemsOf(() =>
      loadConfig({ ...production, DEFENDER_CERTIFICATE_PATH: '/c.pem', MCAS_API_TOKEN: 't' }, noFiles),
    );
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? '', /give one credential/);
    assert.match(problems[1] ?? '', /MCAS_API_URL and MCAS_API_TOKEN/);
  });

  it('should default the store, ingestion, storms and teams settings, polling faster in demo mode', () => {
    const demo = loadConfig({}, noFiles);
    assert.equal(demo.store.url, './data/vigil.db');
    assert.equal(demo.ingest.pollIntervalS, 5);
    assert.deepEqual(demo.ingest.statuses, ['new', 'inProgress']);
    assert.equal(demo.ingest.minSeverity, 'informational');
    assert.deepEqual(demo.storms, { windowS: 600, threshold: 5 });
    assert.deepEqual(demo.teams, { admins: [] });
    assert.equal(demo.playground.port, 56150);
    assert.equal(loadConfig(production, noFiles).ingest.pollIntervalS, 30);
  });

  it('should read lists of statuses and admins, and refuse bad members', () => {
    const admin = '44444444-4444-4444-8444-444444444444';
    const config = loadConfig({ INGEST_STATUSES: 'new, resolved', VIGIL_ADMINS: ` ${admin} ,` }, noFiles);
    assert.deepEqual(config.ingest.statuses, ['new', 'resolved']);
    assert.deepEqual(config.teams.admins, [admin]);
    const problems = problemsOf(() =>
      loadConfig({ INGEST_STATUSES: 'new,closed', VIGIL_ADMINS: 'alice' }, noFiles),
    );
    assert.ok(problems.some((p) => p.startsWith('INGEST_STATUSES')));
    assert.ok(problems.some((p) => p.startsWith('VIGIL_ADMINS') && p.includes('GUIDs')));
  });

  it('should require a webhook secret or token in production', () => {
    const { WEBHOOK_SECRET: _unused, ...noWebhook } = production;
    assert.ok(problemsOf(() => loadConfig(noWebhook, noFiles)).some((p) => p.startsWith('WEBHOOK_SECRET')));
    const config = loadConfig({ ...noWebhook, WEBHOOK_TOKEN: 'flow-token-0123456789' }, noFiles);
    assert.deepEqual(config.webhook, { bearerToken: 'flow-token-0123456789', replayWindowS: 300 });
  });

  it('should default the response action settings: tier0 protected, no name patterns, 60 min approval', () => {
    assert.deepEqual(loadConfig({}, noFiles).actions, {
      protectedTags: ['tier0'],
      protectedNamePatterns: [],
      approvalExpiryMin: 60,
      autoIsolationsPerHour: 5,
      seedRule: 'auto',
    });
    assert.deepEqual(loadConfig(production, noFiles).actions.protectedTags, ['tier0']);
    const blank = loadConfig(
      { PROTECTED_MACHINE_TAGS: ' ', PROTECTED_MACHINE_NAMES: '', APPROVAL_EXPIRY_MIN: '' },
      noFiles,
    );
    assert.deepEqual(blank.actions, {
      protectedTags: ['tier0'],
      protectedNamePatterns: [],
      approvalExpiryMin: 60,
      autoIsolationsPerHour: 5,
      seedRule: 'auto',
    });
  });

  it('should read the automatic isolation cap and the seed rule switch, refusing bad values', () => {
    const config = loadConfig({ AUTO_ISOLATIONS_PER_HOUR: '0', SEED_RULE: 'off' }, noFiles);
    assert.equal(config.actions.autoIsolationsPerHour, 0);
    assert.equal(config.actions.seedRule, 'off');
    assert.throws(() => loadConfig({ AUTO_ISOLATIONS_PER_HOUR: '-1' }, noFiles), /AUTO_ISOLATIONS_PER_HOUR/);
    assert.throws(() => loadConfig({ SEED_RULE: 'maybe' }, noFiles), /SEED_RULE: must be one of auto, off/);
  });

  it('should read protected tags and name patterns as comma lists, trimmed, without empty entries', () => {
    const config = loadConfig(
      {
        PROTECTED_MACHINE_TAGS: ' tier0 , Domain Controllers,, crown-jewels ,',
        PROTECTED_MACHINE_NAMES: 'dc*, ,srv-??.contoso.com ,pki_01,',
        APPROVAL_EXPIRY_MIN: '15',
      },
      noFiles,
    );
    assert.deepEqual(config.actions, {
      protectedTags: ['tier0', 'Domain Controllers', 'crown-jewels'],
      protectedNamePatterns: ['dc*', 'srv-??.contoso.com', 'pki_01'],
      approvalExpiryMin: 15,
      autoIsolationsPerHour: 5,
      seedRule: 'auto',
    });
  });

  it('should protect no tag when PROTECTED_MACHINE_TAGS holds only commas', () => {
    assert.deepEqual(loadConfig({ PROTECTED_MACHINE_TAGS: ',' }, noFiles).actions.protectedTags, []);
  });

  it('should refuse a name pattern with other characters than letters, digits, . _ - * ?', () => {
    for (const pattern of ['dc[0-9]', 'srv 01', 'dc01$', 'a/b', '(dc).*', 'dc+']) {
      const problems = problemsOf(() => loadConfig({ PROTECTED_MACHINE_NAMES: `ok-01,${pattern}` }, noFiles));
      assert.equal(problems.length, 1, `${pattern}: ${problems.join(' | ')}`);
      assert.ok(
        problems[0]?.startsWith('PROTECTED_MACHINE_NAMES (item 2): '),
        `${pattern}: ${problems.join(' | ')}`,
      );
      assert.match(problems[0] ?? '', /letters, digits/);
    }
  });

  it('should refuse a protected tag longer than 64 characters, naming PROTECTED_MACHINE_TAGS', () => {
    const problems = problemsOf(() =>
      loadConfig({ PROTECTED_MACHINE_TAGS: `tier0,${'t'.repeat(65)}` }, noFiles),
    );
    assert.equal(problems.length, 1, problems.join(' | '));
    assert.match(problems[0] ?? '', /^PROTECTED_MACHINE_TAGS \(item 2\): .*at most 64/);
    const longest = 't'.repeat(64);
    assert.deepEqual(loadConfig({ PROTECTED_MACHINE_TAGS: longest }, noFiles).actions.protectedTags, [
      longest,
    ]);
  });

  it('should accept name patterns made of letters, digits, . _ - and the wildcards', () => {
    const patterns = 'DC01,dc-0?,*.contoso.com,srv_*,A.b-C_d*e?f';
    assert.deepEqual(
      loadConfig({ PROTECTED_MACHINE_NAMES: patterns }, noFiles).actions.protectedNamePatterns,
      patterns.split(','),
    );
  });

  it('should refuse an approval expiry outside 1 to 1440 whole minutes, naming APPROVAL_EXPIRY_MIN', () => {
    const refusals: Record<string, string> = {
      '0': 'APPROVAL_EXPIRY_MIN: must be at least 1.',
      '1441': 'APPROVAL_EXPIRY_MIN: must be at most 1440.',
      '-5': 'APPROVAL_EXPIRY_MIN: must be at least 1.',
      '7.5': 'APPROVAL_EXPIRY_MIN: must be a whole number.',
      soon: 'APPROVAL_EXPIRY_MIN: must be a number.',
    };
    for (const [value, problem] of Object.entries(refusals)) {
      assert.deepEqual(
        problemsOf(() => loadConfig({ APPROVAL_EXPIRY_MIN: value }, noFiles)),
        [problem],
        value,
      );
    }
    assert.equal(loadConfig({ APPROVAL_EXPIRY_MIN: '1' }, noFiles).actions.approvalExpiryMin, 1);
    assert.equal(loadConfig({ APPROVAL_EXPIRY_MIN: ' 1440 ' }, noFiles).actions.approvalExpiryMin, 1440);
  });

  it('should report bad response action settings together with the others', () => {
    const problems = problemsOf(() =>
      loadConfig({ PORT: 'eighty', PROTECTED_MACHINE_NAMES: 'dc[1]', APPROVAL_EXPIRY_MIN: '0' }, noFiles),
    );
    assert.equal(problems.length, 3, problems.join(' | '));
    for (const name of ['PORT', 'PROTECTED_MACHINE_NAMES', 'APPROVAL_EXPIRY_MIN']) {
      assert.ok(
        problems.some((p) => p.startsWith(name)),
        `no problem names ${name}: ${problems.join(' | ')}`,
      );
    }
  });

  it('should return a frozen object', () => {
    assert.ok(Object.isFrozen(loadConfig({}, noFiles)));
  });
});
