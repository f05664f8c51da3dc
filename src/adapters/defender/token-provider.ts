import {
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
  LogLevel,
} from '@azure/msal-node';
import { clientCertificate } from './client-certificate';
import type { AuthorizationSource } from './defender-http';
import type { DefenderSettings } from './defender-settings';
import { type SignInContext, toAuthFailedError } from './to-auth-failed-error';

export interface TokenProviderOptions {
  /** How msal reaches the sign-in host (see `MsalNetworkClient`). */
  readonly networkClient: INetworkModule;
}

type TokenSettings = Pick<
  DefenderSettings,
  'tenantId' | 'clientId' | 'credential' | 'authorityHost' | 'mdeScope'
>;

function msalConfiguration(settings: TokenSettings, networkClient: INetworkModule): Configuration {
  const authorityHost = settings.authorityHost.replace(/\/+$/, '');
  const { credential } = settings;
  return {
    auth: {
      clientId: settings.clientId,
      authority: `${authorityHost}/${settings.tenantId}`,
      knownAuthorities: [new URL(authorityHost).host],
      ...(credential.kind === 'secret'
        ? { clientSecret: credential.secret }
        : { clientCertificate: clientCertificate(credential.certificatePem, credential.privateKeyPem) }),
    },
    system: {
      networkClient,
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
    },
  };
}

/**
 * Client-credentials tokens for the MDE API through `@azure/msal-node`, by secret or certificate.
 * msal caches the token and fetches a new one before it expires; concurrent callers share one request.
 * A failure becomes `DEFENDER.AUTH_FAILED`. The token itself is never logged or put in an error.
 */
export class MsalTokenProvider implements AuthorizationSource {
  private readonly app: ConfidentialClientApplication;
  private readonly signIn: SignInContext;
  private pending: Promise<string> | undefined;
  private skipCache = false;

  constructor(
    private readonly settings: TokenSettings,
    options: TokenProviderOptions,
  ) {
    this.app = new ConfidentialClientApplication(msalConfiguration(settings, options.networkClient));
    this.signIn = {
      clientId: settings.clientId,
      tenantId: settings.tenantId,
      authorityHost: settings.authorityHost,
      scope: settings.mdeScope,
      credentialKind: settings.credential.kind,
    };
  }

  /** A valid access token (from msal's cache when it has one). */
  getToken(): Promise<string> {
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  async authorization(): Promise<string> {
    return `Bearer ${await this.getToken()}`;
  }

  /** The next call asks the identity provider again (after Defender answered 401). */
  invalidate(): void {
    this.skipCache = true;
  }

  private async fetch(): Promise<string> {
    const skipCache = this.skipCache;
    this.skipCache = false;
    let token: string | undefined;
    try {
      const result = await this.app.acquireTokenByClientCredential({
        scopes: [this.settings.mdeScope],
        skipCache,
      });
      token = result?.accessToken;
    } catch (error) {
      throw toAuthFailedError(error, this.signIn);
    }
    if (!token) throw toAuthFailedError(undefined, this.signIn);
    return token;
  }
}
