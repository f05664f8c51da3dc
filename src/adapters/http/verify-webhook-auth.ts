import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookConfig } from '../../config/load-config';

/** Request headers as Node gives them (lower-case names; a repeated header is an array). */
export type WebhookHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** Why a request was refused; safe to log and to tell the sender (it names no secret). */
export type WebhookAuthFailure =
  | 'not-configured'
  | 'missing-credentials'
  | 'malformed-timestamp'
  | 'stale-timestamp'
  | 'bad-signature'
  | 'bad-token';

export type WebhookAuthResult =
  | { readonly ok: true; readonly method: 'hmac' | 'bearer' }
  | { readonly ok: false; readonly reason: WebhookAuthFailure };

const SIGNATURE_PREFIX = 'sha256=';

/** One header's value; absent, empty or repeated counts as absent. */
function header(headers: WebhookHeaders, name: string): string | undefined {
  const direct = headers[name];
  const value =
    direct ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Constant-time equality of two secrets of any length (compared as SHA-256 digests). */
function sameSecret(given: string | Buffer, expected: string | Buffer): boolean {
  const digest = (value: string | Buffer) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function verifyHmac(
  secret: string,
  headers: WebhookHeaders,
  rawBody: string | Buffer,
  nowMs: number,
  replayWindowS: number,
): WebhookAuthResult {
  const timestamp = header(headers, 'x-vigil-timestamp');
  const signature = header(headers, 'x-vigil-signature');
  if (timestamp === undefined || signature === undefined) return { ok: false, reason: 'missing-credentials' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > replayWindowS)
    return { ok: false, reason: 'stale-timestamp' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  const given = signature.toLowerCase().startsWith(SIGNATURE_PREFIX)
    ? signature.slice(SIGNATURE_PREFIX.length)
    : '';
  return sameSecret(given.toLowerCase(), expected)
    ? { ok: true, method: 'hmac' }
    : { ok: false, reason: 'bad-signature' };
}

function verifyBearer(token: string, headers: WebhookHeaders): WebhookAuthResult {
  const authorization = header(headers, 'authorization');
  const match = authorization === undefined ? null : /^Bearer\s+(.+)$/i.exec(authorization);
  if (!match?.[1])
    return { ok: false, reason: authorization === undefined ? 'missing-credentials' : 'bad-token' };
  return sameSecret(match[1], token) ? { ok: true, method: 'bearer' } : { ok: false, reason: 'bad-token' };
}

/**
 * Checks an inbound webhook request. A signed request carries `X-Vigil-Timestamp` (unix seconds, within
 * ±`replayWindowS` of now) and `X-Vigil-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw
 * body>")>`; a sender that cannot sign sends `Authorization: Bearer <token>`. A request passes if it
 * proves either configured credential; with neither configured nothing passes. Every comparison of a
 * secret is constant-time.
 */
export function verifyWebhookAuth(
  config: WebhookConfig,
  headers: WebhookHeaders,
  rawBody: string | Buffer,
  nowMs: number,
): WebhookAuthResult {
  if (!config.hmacSecret && !config.bearerToken) return { ok: false, reason: 'not-configured' };
  const attempts: WebhookAuthResult[] = [];
  if (config.hmacSecret) {
    attempts.push(verifyHmac(config.hmacSecret, headers, rawBody, nowMs, config.replayWindowS));
  }
  if (config.bearerToken) attempts.push(verifyBearer(config.bearerToken, headers));
  const passed = attempts.find((attempt) => attempt.ok);
  if (passed) return passed;
  const refused = attempts.find((attempt) => !attempt.ok && attempt.reason !== 'missing-credentials');
  return refused ?? { ok: false, reason: 'missing-credentials' };
}
