import assert from 'node:assert/strict';
import { ConfigError } from '../../src/config/config-error';
import { type ConfigSources, loadConfig } from '../../src/config/load-config';

const noFiles: ConfigSources = {
  readFile: (path) => {
    throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
  },
};

/** A production configuration that passes every check. */
const production: Readonly<Record<string, string>> = {
  MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
  MicrosoftAppPassword: 'bot-client-secret-value',
  MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222',
  DEFENDER_CLIENT_ID: '33333333-3333-3333-3333-333333333333',
  DEFENDER_CLIENT_SECRET: 'defender-client-secret-value',
  WEBHOOK_SECRET: '0123456789abcdef0123456789abcdef',
  VIGIL_ADMINS: '44444444-4444-4444-8444-444444444444',
};

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadConfig(env, noFiles);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.problems;
  }
  assert.fail(`expected loadConfig to refuse ${JSON.stringify(env)}`);
}

/** The one problem of `env`, which must name `variable` first. */
function onlyProblem(env: Record<string, string | undefined>, variable: string): string {
  const problems = problemsOf(env);
  assert.equal(problems.length, 1, problems.join(' | '));
  const [problem = ''] = problems;
  assert.ok(problem.startsWith(`${variable}: `), `"${problem}" does not start with ${variable}`);
  return problem;
}

describe('loadConfig in production', () => {
  it('should accept the reference configuration without a warning', () => {
    const config = loadConfig(production, noFiles);
    assert.equal(config.mode, 'production');
    assert.deepEqual(config.warnings, []);
  });

  describe('an empty MicrosoftAppId', () => {
    it('should refuse production credentials without MicrosoftAppId, naming each one set', () => {
      const { MicrosoftAppId: _unused, ...rest } = production;
      const problem = onlyProblem(rest, 'MicrosoftAppId');
      for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'DEFENDER_CLIENT_ID']) {
        assert.ok(problem.includes(name), `${name} not named: ${problem}`);
      }
      assert.match(problem, /Set MicrosoftAppId to the Azure Bot's Microsoft App ID, or unset them/);
    });

    it('should treat an empty MicrosoftAppId like an unset one', () => {
      const problem = onlyProblem({ MicrosoftAppId: '  ', DEFENDER_CLIENT_SECRET: 'x' }, 'MicrosoftAppId');
      assert.match(problem, /DEFENDER_CLIENT_SECRET is set/);
      assert.match(problem, /or unset it to run demo mode/);
    });

    it('should still run demo mode with no production credential set', () => {
      assert.equal(loadConfig({ MicrosoftAppType: 'SingleTenant', PORT: '3978' }, noFiles).mode, 'demo');
    });
  });

  describe('demo credentials and placeholders', () => {
    const demoValues: readonly [string, string][] = [
      ['DEFENDER_CLIENT_ID', 'vigil-demo'],
      ['DEFENDER_CLIENT_SECRET', 'vigil-demo-secret'],
      ['MicrosoftAppPassword', 'vigil-demo-secret'],
      ['WEBHOOK_SECRET', 'vigil-demo-secret'],
      ['WEBHOOK_TOKEN', 'vigil-demo-secret'],
    ];
    for (const [variable, value] of demoValues) {
      it(`should refuse ${variable}=${value}, saying what to set`, () => {
        const problem = onlyProblem({ ...production, [variable]: value }, variable);
        assert.match(problem, /is a demo credential of the Defender simulator/);
        assert.match(problem, / Set .+\.$/);
      });
    }

    it("should refuse the simulator's MCAS token", () => {
      const env = {
        ...production,
        MCAS_API_URL: 'https://contoso.eu2.portal.cloudappsecurity.com',
        MCAS_API_TOKEN: 'vigil-demo-secret',
      };
      assert.match(onlyProblem(env, 'MCAS_API_TOKEN'), /demo credential.+Settings > Cloud Apps > API tokens/);
    });

    it('should refuse a placeholder left from the example, without repeating it', () => {
      const problem = onlyProblem(
        { ...production, DEFENDER_CLIENT_SECRET: '<defender-client-secret>' },
        'DEFENDER_CLIENT_SECRET',
      );
      assert.match(problem, /still a placeholder/);
      assert.doesNotMatch(problem, /<defender-client-secret>/);
    });

    it('should never repeat a refused secret in the message', () => {
      const problem = onlyProblem({ ...production, WEBHOOK_SECRET: 'short-secret' }, 'WEBHOOK_SECRET');
      assert.doesNotMatch(problem, /short-secret/);
    });
  });

  describe('ids', () => {
    for (const variable of ['MicrosoftAppId', 'MicrosoftAppTenantId', 'DEFENDER_CLIENT_ID']) {
      it(`should refuse a ${variable} that is not a GUID`, () => {
        const problem = onlyProblem({ ...production, [variable]: 'contoso.onmicrosoft.com' }, variable);
        assert.match(problem, /must be a GUID/);
      });
    }

    it('should report a demo client id once, as a demo credential', () => {
      assert.match(
        onlyProblem({ ...production, DEFENDER_CLIENT_ID: 'vigil-demo' }, 'DEFENDER_CLIENT_ID'),
        /demo credential/,
      );
    });
  });

  describe('webhook secrets', () => {
    for (const variable of ['WEBHOOK_SECRET', 'WEBHOOK_TOKEN']) {
      it(`should refuse a ${variable} shorter than 16 characters and accept 16`, () => {
        const problem = onlyProblem({ ...production, [variable]: '123456789012345' }, variable);
        assert.match(problem, /shorter than 16 characters.+openssl rand -hex 32/);
        assert.equal(
          loadConfig({ ...production, [variable]: '1234567890123456' }, noFiles).mode,
          'production',
        );
      });
    }
  });

  describe('Defender URLs', () => {
    const local: readonly [string, string][] = [
      ['MDE_API_URL', 'http://127.0.0.1:3979'],
      ['MDE_API_URL', 'https://localhost:3979'],
      ['DEFENDER_AUTHORITY_HOST', 'https://127.0.0.1:3980'],
      ['DEFENDER_AUTHORITY_HOST', 'https://[::1]:3980'],
      ['MDE_API_URL', 'https://0.0.0.0'],
      ['MDE_API_URL', 'https://sim.localhost'],
    ];
    for (const [variable, url] of local) {
      it(`should refuse ${variable}=${url} (the simulator's address)`, () => {
        const problem = onlyProblem({ ...production, [variable]: url }, variable);
        assert.match(problem, /points to this machine .+ where only the Defender simulator runs/);
        assert.match(problem, /Leave it empty for https:\/\//);
      });
    }

    it('should refuse a Cloud Apps URL on this machine', () => {
      const env = {
        ...production,
        MCAS_API_URL: 'http://127.0.0.1:3979/mcas',
        MCAS_API_TOKEN: 'a-real-token',
      };
      assert.match(onlyProblem(env, 'MCAS_API_URL'), /this machine.+portal\.cloudappsecurity\.com/);
    });

    for (const variable of ['MDE_API_URL', 'DEFENDER_AUTHORITY_HOST']) {
      it(`should refuse a plain-HTTP ${variable}`, () => {
        const problem = onlyProblem({ ...production, [variable]: 'http://proxy.contoso.com' }, variable);
        assert.match(problem, /must be an https:\/\/ URL in production/);
      });
    }

    it('should use the real Microsoft endpoints by default', () => {
      const { defender } = loadConfig(production, noFiles);
      assert.equal(defender.authorityHost, 'https://login.microsoftonline.com');
      assert.equal(defender.mdeBaseUrl, 'https://api.security.microsoft.com');
      assert.equal(defender.mdeScope, 'https://api.securitycenter.microsoft.com/.default');
    });

    it('should take a regional host', () => {
      const env = { ...production, MDE_API_URL: 'https://eu.api.security.microsoft.com/' };
      assert.equal(loadConfig(env, noFiles).defender.mdeBaseUrl, 'https://eu.api.security.microsoft.com');
    });

    it('should take the US Government (GCC High) hosts', () => {
      const env = {
        ...production,
        DEFENDER_AUTHORITY_HOST: 'https://login.microsoftonline.us',
        MDE_API_URL: 'https://api-gov.securitycenter.microsoft.us',
        MDE_SCOPE: 'https://api-gov.securitycenter.microsoft.us/.default',
      };
      const { defender } = loadConfig(env, noFiles);
      assert.equal(defender.authorityHost, 'https://login.microsoftonline.us');
      assert.equal(defender.mdeBaseUrl, 'https://api-gov.securitycenter.microsoft.us');
      assert.equal(defender.mdeScope, 'https://api-gov.securitycenter.microsoft.us/.default');
    });
  });

  it('should refuse a shrunken Defender rate window', () => {
    const problem = onlyProblem(
      { ...production, DEFENDER_RATE_TIME_SCALE: '0.05' },
      'DEFENDER_RATE_TIME_SCALE',
    );
    assert.match(problem, /exceed MDE's rate limits/);
  });

  it('should report every refusal at once', () => {
    const problems = problemsOf({
      ...production,
      DEFENDER_CLIENT_ID: 'vigil-demo',
      DEFENDER_CLIENT_SECRET: 'vigil-demo-secret',
      WEBHOOK_SECRET: 'webhook-secret',
      MDE_API_URL: 'http://127.0.0.1:3979',
    });
    assert.deepEqual(
      problems.map((p) => p.slice(0, p.indexOf(':'))),
      ['DEFENDER_CLIENT_ID', 'DEFENDER_CLIENT_SECRET', 'WEBHOOK_SECRET', 'MDE_API_URL'],
    );
  });

  describe('bot types', () => {
    it('should accept a user-assigned managed identity: app id and tenant, no password', () => {
      const { MicrosoftAppPassword: _unused, ...noPassword } = production;
      const config = loadConfig({ ...noPassword, MicrosoftAppType: 'UserAssignedMSI' }, noFiles);
      assert.deepEqual(config.bot, {
        appId: production.MicrosoftAppId,
        appTenantId: production.MicrosoftAppTenantId,
        appType: 'UserAssignedMSI',
        host: '0.0.0.0',
        port: 3978,
      });
      assert.deepEqual(config.warnings, []);
    });

    it('should refuse a managed identity without its tenant', () => {
      const { MicrosoftAppPassword: _p, MicrosoftAppTenantId: _t, ...rest } = production;
      const problems = problemsOf({ ...rest, MicrosoftAppType: 'UserAssignedMSI', DEFENDER_TENANT_ID: 't' });
      assert.deepEqual(problems, [
        'MicrosoftAppTenantId: required when MicrosoftAppType is UserAssignedMSI.',
      ]);
    });

    it('should accept a multi-tenant bot with a warning that new ones cannot be created', () => {
      const config = loadConfig({ ...production, MicrosoftAppType: 'MultiTenant' }, noFiles);
      assert.equal(config.bot.appType, 'MultiTenant');
      assert.equal(config.warnings.length, 1);
      assert.match(config.warnings[0] ?? '', /^MicrosoftAppType: .+deprecated.+use SingleTenant/);
    });
  });

  it('should warn when nobody can choose the SOC channel', () => {
    const { VIGIL_ADMINS: _unused, ...noAdmins } = production;
    const [warning = ''] = loadConfig(noAdmins, noFiles).warnings;
    assert.match(warning, /^VIGIL_ADMINS: .+`channel here`.+Set VIGIL_ADMINS to your Entra object ID\.$/);
    const fixed = loadConfig({ ...noAdmins, SOC_CHANNEL_ID: '19:abc@thread.tacv2' }, noFiles);
    assert.deepEqual(fixed.warnings, []);
  });

  it('should have no warnings in demo mode', () => {
    assert.deepEqual(loadConfig({}, noFiles).warnings, []);
  });
});
