import assert from 'node:assert/strict';
import {
  type Activity,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import { botFrameworkOptions } from '../../src/config/bot-framework-options';
import { type ConfigSources, loadConfig } from '../../src/config/load-config';

const noFiles: ConfigSources = {
  readFile: (path) => {
    throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
  },
};

const APP_ID = '11111111-1111-1111-1111-111111111111';
const TENANT_ID = '22222222-2222-2222-2222-222222222222';

/** Everything production needs besides the bot settings. */
const defender = {
  DEFENDER_CLIENT_ID: '33333333-3333-3333-3333-333333333333',
  DEFENDER_CLIENT_SECRET: 'defender-client-secret-value',
  WEBHOOK_SECRET: '0123456789abcdef0123456789abcdef',
  VIGIL_ADMINS: '44444444-4444-4444-8444-444444444444',
};

const singleTenant = {
  ...defender,
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'bot-client-secret-value',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT_ID,
};

const managedIdentity = {
  ...defender,
  MicrosoftAppId: APP_ID,
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppTenantId: TENANT_ID,
};

/** How the Bot Connector's token service is asked for a token to reply (public cloud). */
const TO_CHANNEL_LOGIN = 'https://login.microsoftonline.com/botframework.com';
const TO_CHANNEL_SCOPE = 'https://api.botframework.com';

/** A Teams activity arriving without an `Authorization` header. */
const unsignedActivity = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
} as Activity;

function botOptionsOf(env: Record<string, string>) {
  return botFrameworkOptions(loadConfig(env, noFiles).bot);
}

describe('botFrameworkOptions', () => {
  it('should be empty in demo mode, so botbuilder accepts requests without a token', async () => {
    const options = botOptionsOf({});
    assert.deepEqual(options, {});
    const auth = new ConfigurationBotFrameworkAuthentication(options);
    await auth.authenticateRequest(unsignedActivity, '');
  });

  it('should hand a single-tenant bot its id, password and tenant under Bot Framework names', () => {
    assert.deepEqual(botOptionsOf(singleTenant), {
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppPassword: 'bot-client-secret-value',
      MicrosoftAppTenantId: TENANT_ID,
    });
  });

  it('should build a single-tenant authentication that signs in to its own tenant and refuses unsigned requests', async () => {
    const options = botOptionsOf(singleTenant);
    const auth = new ConfigurationBotFrameworkAuthentication(options);
    await assert.rejects(auth.authenticateRequest(unsignedActivity, ''), { statusCode: 401 });
    const factory = new ConfigurationServiceClientCredentialFactory(options);
    const credentials = (await factory.createCredentials(
      APP_ID,
      TO_CHANNEL_SCOPE,
      TO_CHANNEL_LOGIN,
      true,
    )) as {
      oAuthEndpoint?: string;
    };
    assert.equal(credentials.constructor.name, 'MicrosoftAppCredentials');
    assert.equal(credentials.oAuthEndpoint, `https://login.microsoftonline.com/${TENANT_ID}`);
  });

  it('should hand a user-assigned managed identity its id and tenant and never a password', () => {
    assert.deepEqual(botOptionsOf(managedIdentity), {
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT_ID,
    });
    const withPassword = botFrameworkOptions({
      appId: APP_ID,
      appPassword: 'ignored',
      appTenantId: TENANT_ID,
      appType: 'UserAssignedMSI',
      host: '0.0.0.0',
      port: 3978,
    });
    assert.equal(withPassword.MicrosoftAppPassword, undefined);
  });

  it('should build a managed-identity authentication that uses the identity and refuses unsigned requests', async () => {
    const options = botOptionsOf(managedIdentity);
    const auth = new ConfigurationBotFrameworkAuthentication(options);
    await assert.rejects(auth.authenticateRequest(unsignedActivity, ''), { statusCode: 401 });
    const factory = new ConfigurationServiceClientCredentialFactory(options);
    assert.equal(await factory.isAuthenticationDisabled(), false);
    assert.equal(await factory.isValidAppId(APP_ID), true);
    const credentials = await factory.createCredentials(APP_ID, TO_CHANNEL_SCOPE, TO_CHANNEL_LOGIN, true);
    assert.equal(credentials.constructor.name, 'ManagedIdentityAppCredentials');
  });

  it('should build a multi-tenant authentication (existing registrations)', async () => {
    const options = botOptionsOf({ ...singleTenant, MicrosoftAppType: 'MultiTenant' });
    assert.equal(options.MicrosoftAppType, 'MultiTenant');
    const auth = new ConfigurationBotFrameworkAuthentication(options);
    await assert.rejects(auth.authenticateRequest(unsignedActivity, ''), { statusCode: 401 });
  });

  it('should match what botbuilder itself refuses, which loadConfig refuses first', () => {
    // botbuilder asserts these at construction; loadConfig names them with the variable to set.
    assert.throws(
      () =>
        new ConfigurationBotFrameworkAuthentication({
          MicrosoftAppId: APP_ID,
          MicrosoftAppType: 'UserAssignedMSI',
          MicrosoftAppTenantId: TENANT_ID,
          MicrosoftAppPassword: 'x',
        }),
      /MicrosoftAppPassword must not be set for MSI/,
    );
    assert.throws(
      () =>
        new ConfigurationBotFrameworkAuthentication({
          MicrosoftAppId: APP_ID,
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppPassword: 'x',
        }),
      /MicrosoftAppTenantId is required for SingleTenant/,
    );
  });
});
