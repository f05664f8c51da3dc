import { isAxiosError } from 'axios';
import { parseRetryAfter } from './parse-retry-after';
import type { FailureKind } from './retry-policy';

/** One failed attempt, before it becomes a `DefenderApiError`. */
export type DefenderFailure =
  | {
      readonly type: 'http';
      readonly status: number;
      readonly defenderCode?: string;
      readonly defenderMessage?: string;
      readonly retryAfterMs?: number;
    }
  | { readonly type: 'timeout' }
  | { readonly type: 'network'; readonly networkCode: string; readonly refused: boolean };

/** Connection errors raised before a request could leave: Defender cannot have acted on it. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMED_OUT = new Set(['ECONNABORTED', 'ETIMEDOUT']);
const MAX_MESSAGE = 500;

/** How a failure counts for the retry policy. */
export function failureKind(failure: DefenderFailure): FailureKind {
  if (failure.type === 'timeout') return 'timeout';
  if (failure.type === 'network') return failure.refused ? 'refused' : 'reset';
  if (failure.status === 429) return 'rate-limited';
  if (failure.status >= 500 && failure.status !== 501) return 'server-error';
  return 'final';
}

/** Reads an error reply: MDE's `{"error":{"code","message"}}`, or the looser shapes MCAS uses. */
export function failureFromResponse(
  status: number,
  retryAfterHeader: string | undefined,
  bodyText: string,
  nowMs: number,
): DefenderFailure {
  const { code, message } = readErrorBody(bodyText);
  const retryAfterMs = parseRetryAfter(retryAfterHeader, nowMs);
  return {
    type: 'http',
    status,
    ...(code === undefined ? {} : { defenderCode: code }),
    ...(message === undefined ? {} : { defenderMessage: message.slice(0, MAX_MESSAGE) }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** Sorts a thrown transport error (timeout, reset, refused). Anything else is not ours: rethrown. */
export function failureFromError(error: unknown): DefenderFailure {
  if (!isAxiosError(error)) throw error;
  const code = error.code ?? (error.cause as { code?: string } | undefined)?.code ?? 'ERR_NETWORK';
  if (TIMED_OUT.has(code)) return { type: 'timeout' };
  return { type: 'network', networkCode: code, refused: NEVER_SENT.has(code) };
}

function readErrorBody(text: string): { code?: string; message?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text.trim() === '' ? {} : { message: text.trim() };
  }
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const inner = record.error;
  if (typeof inner === 'object' && inner !== null) {
    const error = inner as Record<string, unknown>;
    return { code: asText(error.code), message: asText(error.message) };
  }
  return {
    code: asText(record.code) ?? asText(inner),
    message: asText(record.message) ?? asText(record.detail),
  };
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
