import { DEFENDER_ERROR_CODES } from '../../services/ports/defender.port';
import { DefenderApiError, type DefenderErrorDetails } from './defender-api-error';
import type { DefenderFailure } from './defender-failure';
import type { RetryMode } from './defender-route';

/** Which Defender a call went to, and what is known about the call. */
export interface FailureContext {
  readonly service: 'mde' | 'mcas';
  /** `METHOD template`. */
  readonly route: string;
  readonly subject: string;
  readonly retry: RetryMode;
  readonly attempts: number;
  /** The permission the route needs, named in a 403's message. */
  readonly permission?: string;
}

const C = DEFENDER_ERROR_CODES;
const ACTION_PENDING = /already in progress|ActiveRequestAlreadyExists/i;

function productName(service: FailureContext['service']): string {
  return service === 'mde' ? 'Defender' : 'Defender for Cloud Apps';
}

/** Turns a final failure into the coded error the services see. No token or secret is ever included. */
export function toDefenderApiError(failure: DefenderFailure, ctx: FailureContext): DefenderApiError {
  const product = productName(ctx.service);
  const base = { route: ctx.route, attempts: ctx.attempts };
  if (failure.type === 'timeout') {
    const details = { ...base, ...(ctx.retry === 'if-not-acted' ? { maybeActed: true } : {}) };
    const friendly = `${product} did not answer in time (${ctx.route}).`;
    return new DefenderApiError(C.timeout, friendly, details);
  }
  if (failure.type === 'network') {
    const maybeActed = !failure.refused && ctx.retry === 'if-not-acted';
    const details = { ...base, networkCode: failure.networkCode, ...(maybeActed ? { maybeActed } : {}) };
    const friendly = `Vigil could not reach ${product} (${failure.networkCode}).`;
    return new DefenderApiError(C.unavailable, friendly, details);
  }
  const details: DefenderErrorDetails = {
    ...base,
    status: failure.status,
    ...(failure.defenderCode === undefined ? {} : { defenderCode: failure.defenderCode }),
    ...(failure.defenderMessage === undefined ? {} : { defenderMessage: failure.defenderMessage }),
  };
  return httpError(failure, ctx, details);
}

function httpError(
  failure: Extract<DefenderFailure, { type: 'http' }>,
  ctx: FailureContext,
  details: DefenderErrorDetails,
): DefenderApiError {
  const product = productName(ctx.service);
  const { status } = failure;
  if (status === 401) return new DefenderApiError(C.unauthorized, unauthorizedMessage(ctx), details);
  if (status === 403) return forbidden(ctx, details);
  if (status === 404) {
    return new DefenderApiError(C.notFound, `${product} could not find that ${ctx.subject}.`, details);
  }
  if (status === 429) return rateLimited(failure, product, details);
  if (status >= 500) {
    const maybeActed = ctx.retry === 'if-not-acted' && status !== 501;
    const friendly = `${product} is unavailable right now (HTTP ${status}); Vigil tried ${ctx.attempts} time${ctx.attempts === 1 ? '' : 's'}.`;
    return new DefenderApiError(C.unavailable, friendly, {
      ...details,
      ...(maybeActed ? { maybeActed } : {}),
    });
  }
  return badRequest(failure, product, details);
}

function unauthorizedMessage(ctx: FailureContext): string {
  return ctx.service === 'mde'
    ? 'Defender rejected the access token of the Vigil app (401). Check that the app is registered in the right tenant and asks for the WindowsDefenderATP API.'
    : "Defender for Cloud Apps rejected Vigil's API token (401). Create a new API token and give it to Vigil.";
}

function forbidden(ctx: FailureContext, details: DefenderErrorDetails): DefenderApiError {
  const permission = ctx.permission;
  const withPermission = permission === undefined ? details : { ...details, requiredPermission: permission };
  let friendly: string;
  if (ctx.service === 'mcas') {
    friendly = `Defender for Cloud Apps refused: Vigil's API token needs the ${permission ?? 'right'} permission for this (an API token of an admin or security operator).`;
  } else if (permission === undefined) {
    friendly =
      'Defender refused: the Vigil app lacks an application permission (WindowsDefenderATP API) for this call.';
  } else {
    friendly = `Defender refused: the Vigil app needs the ${permission} application permission (WindowsDefenderATP API) with admin consent.`;
  }
  return new DefenderApiError(C.forbidden, friendly, withPermission);
}

function rateLimited(
  failure: Extract<DefenderFailure, { type: 'http' }>,
  product: string,
  details: DefenderErrorDetails,
): DefenderApiError {
  const retryAfterS = failure.retryAfterMs === undefined ? undefined : Math.ceil(failure.retryAfterMs / 1000);
  const when = retryAfterS === undefined ? 'in a minute' : `in ${retryAfterS} s`;
  const friendly = `${product} is limiting how often Vigil may call it; try again ${when}.`;
  return new DefenderApiError(C.rateLimited, friendly, {
    ...details,
    ...(retryAfterS === undefined ? {} : { retryAfterS }),
  });
}

function badRequest(
  failure: Extract<DefenderFailure, { type: 'http' }>,
  product: string,
  details: DefenderErrorDetails,
): DefenderApiError {
  const said = `${failure.defenderCode ?? ''} ${failure.defenderMessage ?? ''}`;
  if (failure.status === 400 && ACTION_PENDING.test(said)) {
    const friendly = `${product} is still carrying out the same kind of action on this machine; wait for it to finish or cancel it first.`;
    return new DefenderApiError(C.actionAlreadyPending, friendly, details);
  }
  const code = failure.defenderCode ?? `HTTP ${failure.status}`;
  const message = failure.defenderMessage === undefined ? '' : `: ${failure.defenderMessage}`;
  return new DefenderApiError(C.badRequest, `${product} rejected the request (${code})${message}`, details);
}
