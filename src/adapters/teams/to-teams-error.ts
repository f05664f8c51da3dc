import { VigilError } from '../../domain/errors/vigil-error';
import { TEAMS_ERROR_CODES } from '../../services/ports/teams.port';
import { parseRetryAfter } from '../defender/parse-retry-after';

/** HTTP statuses worth another try: Microsoft's list (412, 502, 504) plus what the connector itself retries. */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 412, 500, 502, 503, 504]);
/** Errors of a connection that never opened, broke or hung. */
const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);
const TIMEOUT_NAMES: ReadonlySet<string> = new Set(['TimeoutError', 'AbortError']);
/** Connector error codes that say the bot cannot post there, whatever the status (the playground sends 500). */
const NOT_IN_CONVERSATION_CODES: ReadonlySet<string> = new Set([
  'ConversationNotFound',
  'BotNotInConversationRoster',
]);

/** The fields of a connector failure (an `@azure/core-rest-pipeline` `RestError`) that matter here. */
interface HttpFailure {
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly name?: unknown;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined | null } };
}

function retryAfterSeconds(failure: HttpFailure, nowMs: number): number | undefined {
  const headers = failure.response?.headers;
  if (typeof headers?.get !== 'function') return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && /^\d+$/.test(ms.trim())) return Number(ms) / 1000;
  const delay = parseRetryAfter(headers.get('retry-after'), nowMs);
  return delay === undefined ? undefined : delay / 1000;
}

function codeOf(status: number | undefined, failure: HttpFailure): string {
  if (typeof failure.code === 'string' && NOT_IN_CONVERSATION_CODES.has(failure.code)) {
    return TEAMS_ERROR_CODES.notInConversation;
  }
  if (failure.code === 'MessageSizeTooBig') return TEAMS_ERROR_CODES.tooLarge;
  if (status === 429) return TEAMS_ERROR_CODES.throttled;
  if (status !== undefined && TRANSIENT_STATUSES.has(status)) return TEAMS_ERROR_CODES.transient;
  if (status === 403 || status === 404) return TEAMS_ERROR_CODES.notInConversation;
  if (status === 413) return TEAMS_ERROR_CODES.tooLarge;
  if (status !== undefined) return TEAMS_ERROR_CODES.failed;
  const network = typeof failure.code === 'string' && NETWORK_CODES.has(failure.code);
  const timeout = typeof failure.name === 'string' && TIMEOUT_NAMES.has(failure.name);
  return network || timeout ? TEAMS_ERROR_CODES.transient : TEAMS_ERROR_CODES.failed;
}

const FRIENDLY: Readonly<Record<string, string>> = {
  [TEAMS_ERROR_CODES.throttled]: 'Teams asked Vigil to slow down; the message will be sent shortly.',
  [TEAMS_ERROR_CODES.transient]: 'Teams could not be reached; the message will be sent shortly.',
  [TEAMS_ERROR_CODES.notInConversation]: 'Vigil is not (or no longer) in that conversation.',
  [TEAMS_ERROR_CODES.tooLarge]: 'The message is too large for Teams.',
  [TEAMS_ERROR_CODES.failed]: 'Teams refused the message.',
};

/**
 * Turns a failed Bot Framework call into a coded `VigilError` (`TEAMS_ERROR_CODES`): 429 → throttled,
 * with `retryAfterS` from `Retry-After` (or `retry-after-ms`) when present; 408/412/5xx, timeouts and
 * broken connections → transient; 403/404 (or the connector's `ConversationNotFound`,
 * `BotNotInConversationRoster`) → not in the conversation; 413 → too large; the rest → failed.
 * Details hold the status, the error's code and the operation, never the request (it carries the token).
 */
export function toTeamsError(error: unknown, operation: string, nowMs: number = Date.now()): VigilError {
  const failure: HttpFailure = typeof error === 'object' && error !== null ? (error as HttpFailure) : {};
  const status = typeof failure.statusCode === 'number' ? failure.statusCode : undefined;
  const code = codeOf(status, failure);
  const retryAfterS = retryAfterSeconds(failure, nowMs);
  const message = error instanceof Error ? error.message : String(error);
  return new VigilError(code, FRIENDLY[code] ?? 'Teams refused the message.', {
    message: `Teams ${operation} failed${status === undefined ? '' : ` (${status})`}: ${message}`.slice(
      0,
      500,
    ),
    details: {
      operation,
      ...(status === undefined ? {} : { status }),
      ...(typeof failure.code === 'string' ? { teamsCode: failure.code } : {}),
      ...(retryAfterS === undefined ? {} : { retryAfterS }),
    },
  });
}
