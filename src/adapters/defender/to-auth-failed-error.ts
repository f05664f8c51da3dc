import { AuthError } from '@azure/msal-node';
import { VigilError } from '../../domain/errors/vigil-error';
import { DEFENDER_ERROR_CODES } from '../../services/ports/defender.port';

/** Who tried to sign in, for the message. Never the secret or the key. */
export interface SignInContext {
  readonly clientId: string;
  readonly tenantId: string;
  readonly authorityHost: string;
  readonly scope: string;
  readonly credentialKind: 'secret' | 'certificate';
}

const ENDPOINT_ERRORS = new Set(['endpoints_resolution_error', 'network_error', 'openid_config_error']);

function reason(code: string, ctx: SignInContext): string {
  if (code === 'invalid_client') {
    return ctx.credentialKind === 'secret'
      ? 'the client secret is wrong or expired (invalid_client)'
      : 'the certificate is not registered on the app, or has expired (invalid_client)';
  }
  if (code === 'unauthorized_client')
    return `the app is not known in tenant ${ctx.tenantId} (unauthorized_client)`;
  if (code === 'invalid_scope') return `the scope ${ctx.scope} is not valid (invalid_scope)`;
  if (code === 'invalid_request')
    return `the sign-in request was refused, e.g. an unknown tenant ${ctx.tenantId} (invalid_request)`;
  if (ENDPOINT_ERRORS.has(code))
    return `the sign-in host ${ctx.authorityHost} could not be reached or is not trusted (${code})`;
  return `the sign-in failed (${code})`;
}

/** The first line of an Entra description (e.g. `AADSTS7000215: Invalid client secret provided.`). */
function summary(message: string): string | undefined {
  const first = message.split(/\r?\n|Trace ID:/)[0]?.trim();
  return first ? first.slice(0, 300) : undefined;
}

/**
 * Turns an msal failure into `DEFENDER.AUTH_FAILED` with a message an admin can act on. The msal error
 * is not kept as the cause: only its code and the first line of Entra's description are.
 */
export function toAuthFailedError(error: unknown, ctx: SignInContext): VigilError {
  const code = error instanceof AuthError ? error.errorCode || 'unknown_error' : 'unknown_error';
  const description = error instanceof AuthError ? summary(error.errorMessage) : undefined;
  const friendly = `Vigil could not sign in to Defender as app ${ctx.clientId}: ${reason(code, ctx)}. Check DEFENDER_CLIENT_ID, the ${ctx.credentialKind} and the tenant ${ctx.tenantId}.`;
  return new VigilError(DEFENDER_ERROR_CODES.authFailed, friendly, {
    details: {
      clientId: ctx.clientId,
      tenantId: ctx.tenantId,
      authorityHost: ctx.authorityHost,
      msalErrorCode: code,
      ...(description === undefined ? {} : { description }),
    },
  });
}
