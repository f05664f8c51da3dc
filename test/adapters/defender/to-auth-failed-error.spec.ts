import assert from 'node:assert/strict';
import { AuthError, ServerError } from '@azure/msal-node';
import { type SignInContext, toAuthFailedError } from '../../../src/adapters/defender/to-auth-failed-error';

const ctx: SignInContext = {
  clientId: 'app-123',
  tenantId: 'tenant-1',
  authorityHost: 'https://login.microsoftonline.com',
  scope: 'https://api.securitycenter.microsoft.com/.default',
  credentialKind: 'secret',
};

describe('toAuthFailedError', () => {
  it("should explain invalid_client for a secret and keep only the first line of Entra's description", () => {
    const error = toAuthFailedError(
      new ServerError(
        'invalid_client',
        'corr',
        'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: abc',
      ),
      ctx,
    );
    assert.equal(error.code, 'DEFENDER.AUTH_FAILED');
    assert.match(
      error.friendlyMessage,
      /^Vigil could not sign in to Defender as app app-123: the client secret is wrong or expired \(invalid_client\)/,
    );
    assert.equal(error.details.description, 'AADSTS7000215: Invalid client secret provided.');
    assert.equal(error.details.msalErrorCode, 'invalid_client');
  });

  it('should explain invalid_client for a certificate', () => {
    const error = toAuthFailedError(new ServerError('invalid_client', 'corr', 'AADSTS700027'), {
      ...ctx,
      credentialKind: 'certificate',
    });
    assert.match(error.friendlyMessage, /certificate is not registered on the app/);
  });

  it('should explain an unreachable or untrusted sign-in host', () => {
    const error = toAuthFailedError(new AuthError('endpoints_resolution_error', 'no metadata'), ctx);
    assert.match(
      error.friendlyMessage,
      /sign-in host https:\/\/login\.microsoftonline\.com could not be reached or is not trusted/,
    );
  });
});
