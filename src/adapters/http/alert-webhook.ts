import type { WebhookConfig } from '../../config/load-config';
import type { Alert } from '../../domain/alerts/alert';
import { isVigilError } from '../../domain/errors/vigil-error';
import type { AlertIngestor, IngestOutcome } from '../../services/ingest/alert-ingestor';
import type { Clock } from '../../services/ports/clock.port';
import { DEFENDER_ERROR_CODES, type MdePort } from '../../services/ports/defender.port';
import type { Logger } from '../../services/ports/logger.port';
import type { Metrics } from '../../services/ports/metrics.port';
import { parseWebhookRecords, type WebhookRecord } from './parse-webhook-records';
import { verifyWebhookAuth, type WebhookAuthFailure, type WebhookHeaders } from './verify-webhook-auth';

/** One inbound request, framework-neutral: the headers and the exact body bytes (for the HMAC). */
export interface AlertWebhookRequest {
  readonly headers: WebhookHeaders;
  readonly rawBody: string | Buffer;
}

/** What to answer: a status and a JSON body. */
export interface AlertWebhookResponse {
  readonly status: number;
  readonly body: unknown;
}

/** `POST /api/webhooks/alerts`. */
export type AlertWebhook = (request: AlertWebhookRequest) => Promise<AlertWebhookResponse>;

/** What `createAlertWebhook` needs. */
export interface AlertWebhookDeps {
  /** `config.webhook`. */
  readonly config: WebhookConfig;
  readonly ingestor: AlertIngestor;
  /** Looks up the alert an MDE Flow trigger (`{ id, machineId }`) names; without it such records get 400. */
  readonly mde?: Pick<MdePort, 'getAlert'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Accepted for symmetry with the other factories; ingest outcomes are counted by the ingestor. */
  readonly metrics?: Metrics;
}

const UNAUTHORIZED_MESSAGES: Readonly<Record<WebhookAuthFailure, string>> = {
  'not-configured': 'This Vigil accepts no webhook requests until WEBHOOK_SECRET or WEBHOOK_TOKEN is set.',
  'missing-credentials':
    'Sign the request (X-Vigil-Timestamp and X-Vigil-Signature) or send Authorization: Bearer <token>.',
  'malformed-timestamp': 'X-Vigil-Timestamp must be a time in unix seconds.',
  'stale-timestamp': "X-Vigil-Timestamp is outside the allowed window: check the sender's clock.",
  'bad-signature': 'X-Vigil-Signature does not match the body.',
  'bad-token': 'The bearer token is not the one Vigil expects.',
};

/** A refusal, answered as `{ error: { code, message } }`. */
class WebhookFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const answer = (status: number, code: string, message: string): AlertWebhookResponse => ({
  status,
  body: { error: { code, message } },
});

/** The Defender failure of a trigger look-up, as the sender should see it (retry on 5xx). */
function lookupFailure(error: unknown, alertId: string): WebhookFailure {
  if (isVigilError(error, DEFENDER_ERROR_CODES.notFound)) {
    return new WebhookFailure(404, 'WEBHOOK.ALERT_NOT_FOUND', `Defender has no alert ${alertId}.`);
  }
  const busy = isVigilError(error, DEFENDER_ERROR_CODES.rateLimited);
  const reason = isVigilError(error) ? error.friendlyMessage : 'Defender did not answer.';
  return new WebhookFailure(
    busy ? 503 : 502,
    'WEBHOOK.DEFENDER_FAILED',
    `Could not read alert ${alertId}: ${reason}`,
  );
}

/** The alerts of the records, looking up those an MDE trigger only names. */
async function resolveAlerts(records: readonly WebhookRecord[], deps: AlertWebhookDeps): Promise<Alert[]> {
  const alerts: Alert[] = [];
  for (const record of records) {
    if (record.kind === 'alert') {
      alerts.push(record.alert);
      continue;
    }
    if (deps.mde === undefined) {
      throw new WebhookFailure(
        400,
        'WEBHOOK.NO_MDE',
        'This Vigil cannot look up Defender for Endpoint alerts.',
      );
    }
    alerts.push(
      await deps.mde.getAlert(record.alertId).catch((error: unknown) => {
        throw lookupFailure(error, record.alertId);
      }),
    );
  }
  return alerts;
}

async function ingestAll(alerts: readonly Alert[], ingestor: AlertIngestor) {
  const outcomes: { alertId: string; source: Alert['source']; outcome: IngestOutcome }[] = [];
  for (const alert of alerts) {
    outcomes.push({ alertId: alert.id, source: alert.source, outcome: await ingestor.ingest(alert) });
  }
  return outcomes;
}

function failureAnswer(error: unknown, log: Logger): AlertWebhookResponse {
  if (error instanceof WebhookFailure) {
    log.warn({ status: error.status, code: error.code }, 'webhook request failed');
    return answer(error.status, error.code, error.message);
  }
  const code = isVigilError(error) ? error.code : 'UNEXPECTED';
  log.error(
    { code, message: error instanceof Error ? error.message : String(error) },
    'webhook ingest failed',
  );
  return answer(500, 'WEBHOOK.INGEST_FAILED', 'Vigil could not store the alert; send it again later.');
}

/**
 * The inbound alert webhook (`POST /api/webhooks/alerts`), independent of the HTTP framework. It checks
 * the HMAC signature or bearer token first (401 and nothing stored otherwise), then the body (400 for
 * invalid JSON or an unknown record; nothing stored), then ingests every record and answers 202
 * `{ accepted, outcomes }`. Ingesting is idempotent, so a sender's retry after a timeout is harmless. No
 * secret, token or signature is ever logged.
 */
export function createAlertWebhook(deps: AlertWebhookDeps): AlertWebhook {
  const log = deps.logger.child({ component: 'alert-webhook' });
  return async (request) => {
    const auth = verifyWebhookAuth(deps.config, request.headers, request.rawBody, deps.clock.now());
    if (!auth.ok) {
      log.warn({ reason: auth.reason }, 'webhook request refused');
      return answer(401, 'WEBHOOK.UNAUTHORIZED', UNAUTHORIZED_MESSAGES[auth.reason]);
    }
    const parsed = parseWebhookRecords(request.rawBody);
    if (!parsed.ok) {
      log.warn({ code: parsed.code, method: auth.method }, 'webhook body refused');
      return answer(400, parsed.code, parsed.message);
    }
    try {
      const outcomes = await ingestAll(await resolveAlerts(parsed.records, deps), deps.ingestor);
      log.info({ method: auth.method, accepted: outcomes.length }, 'webhook alerts accepted');
      return { status: 202, body: { accepted: outcomes.length, outcomes } };
    } catch (error) {
      return failureAnswer(error, log);
    }
  };
}
