import { isVigilError } from '../../domain/errors/vigil-error';
import { DEFENDER_ERROR_CODES } from '../ports/defender.port';

/**
 * What to do after Defender refused or failed a call:
 * - `pending`: the same kind of action is already pending on the machine (adopt it);
 * - `maybeActed`: no clear answer to a call that creates something: look before sending again;
 * - `retry`: throttled or unavailable: try again later;
 * - `fail`: refused for good (permission, bad request, unknown machine…): the message says why.
 */
export type DefenderErrorVerdict =
  | { readonly kind: 'pending' }
  | { readonly kind: 'maybeActed'; readonly message: string }
  | { readonly kind: 'retry'; readonly message: string; readonly retryAfterMs?: number }
  | { readonly kind: 'fail'; readonly message: string };

const RETRYABLE = new Set<string>([
  DEFENDER_ERROR_CODES.rateLimited,
  DEFENDER_ERROR_CODES.unavailable,
  DEFENDER_ERROR_CODES.timeout,
  DEFENDER_ERROR_CODES.authFailed,
]);

/** Sorts a Defender port's error into what the action worker does next. */
export function classifyDefenderError(error: unknown): DefenderErrorVerdict {
  if (!isVigilError(error)) {
    return { kind: 'retry', message: error instanceof Error ? error.message : String(error) };
  }
  if (error.code === DEFENDER_ERROR_CODES.actionAlreadyPending) return { kind: 'pending' };
  if (error.details.maybeActed === true || error.code === DEFENDER_ERROR_CODES.invalidResponse) {
    return { kind: 'maybeActed', message: error.friendlyMessage };
  }
  if (RETRYABLE.has(error.code)) {
    const retryAfterS = error.details.retryAfterS;
    return {
      kind: 'retry',
      message: error.friendlyMessage,
      ...(typeof retryAfterS === 'number' && retryAfterS > 0 ? { retryAfterMs: retryAfterS * 1000 } : {}),
    };
  }
  return { kind: 'fail', message: error.friendlyMessage };
}
