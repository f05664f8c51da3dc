import { createHmac } from 'node:crypto';
import type { McasAlert } from '../model/mcas-types';
import type { SimContext, WebhookTarget } from '../sim-context';

export interface PushOptions {
  /** Tries in all, the first included. Default 5. */
  readonly attempts?: number;
  /** Wait before the second try; doubled before each further one. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Per-try timeout. Default 5000 ms. */
  readonly timeoutMs?: number;
}

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, the `X-Vigil-Signature` header. */
export function signWebhookBody(secret: string, timestampS: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampS}.${rawBody}`).digest('hex')}`;
}

/** The headers of one push; a signed push carries `X-Vigil-Timestamp` and `X-Vigil-Signature`. */
export function webhookHeaders(
  target: WebhookTarget,
  rawBody: string,
  nowMs: number,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Vigil-Defender-Simulator/1.0 (Defender for Cloud Apps alert push)',
  };
  if (target.secret !== undefined) {
    const timestampS = Math.floor(nowMs / 1000);
    headers['x-vigil-timestamp'] = String(timestampS);
    headers['x-vigil-signature'] = signWebhookBody(target.secret, timestampS, rawBody);
  }
  return headers;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Whether a failed push is worth trying again: network errors, timeouts, 408, 429 and 5xx. */
const retryable = (status: number | undefined) =>
  status === undefined || status === 408 || status === 429 || status >= 500;

async function sendOnce(target: WebhookTarget, rawBody: string, nowMs: number, timeoutMs: number) {
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: webhookHeaders(target, rawBody, nowMs),
      body: rawBody,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return { status: response.status as number | undefined, error: undefined };
  } catch (error) {
    return { status: undefined, error: String(error) };
  }
}

/**
 * Pushes an alert record (exactly what `GET /mcas/api/v1/alerts/<id>/` returns) to `ctx.webhook`, as
 * "Send alerts to Power Automate" would, signing it when the webhook has a secret. A failed push is
 * retried with exponential backoff (the bot may still be starting); failures are logged, never thrown.
 * Resolves to whether the webhook accepted it.
 */
export async function pushToWebhook(
  ctx: SimContext,
  alert: McasAlert,
  options: PushOptions = {},
): Promise<boolean> {
  const target = ctx.webhook;
  if (!target) return false;
  const attempts = options.attempts ?? 5;
  const rawBody = JSON.stringify(alert);
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const { status, error } = await sendOnce(target, rawBody, ctx.now(), options.timeoutMs ?? 5000);
    if (status !== undefined && status < 300) {
      ctx.log.info('pushed MCAS alert to webhook', { alertId: alert._id, url: target.url, attempt });
      return true;
    }
    const fields = { alertId: alert._id, url: target.url, attempt, attempts, status, error };
    if (!retryable(status) || attempt === attempts) {
      ctx.log.warn('MCAS alert push to webhook failed', fields);
      return false;
    }
    ctx.log.info('MCAS alert push to webhook failed; retrying', fields);
    await sleep((options.baseDelayMs ?? 500) * 2 ** (attempt - 1));
  }
  return false;
}
