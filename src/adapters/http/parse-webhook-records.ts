import type { z } from 'zod';
import type { Alert } from '../../domain/alerts/alert';
import { mapMcasAlert } from '../defender/mcas-alert.mapper';
import { mcasAlertSchema } from '../defender/mcas-schemas';
import { mapMdeAlert } from '../defender/mde-alert.mapper';
import { mdeAlertSchema } from '../defender/mde-schemas';

/** One record of a webhook body: a full alert, or an MDE Flow trigger naming an alert to look up. */
export type WebhookRecord =
  | { readonly kind: 'alert'; readonly alert: Alert }
  | { readonly kind: 'mdeTrigger'; readonly alertId: string };

/** Why a body was refused (HTTP 400). */
export interface WebhookBodyProblem {
  readonly code:
    | 'WEBHOOK.INVALID_JSON'
    | 'WEBHOOK.EMPTY'
    | 'WEBHOOK.TOO_MANY_RECORDS'
    | 'WEBHOOK.UNKNOWN_SHAPE'
    | 'WEBHOOK.INVALID_RECORD';
  readonly message: string;
}

export type WebhookBodyResult =
  | { readonly ok: true; readonly records: readonly WebhookRecord[] }
  | ({ readonly ok: false } & WebhookBodyProblem);

/** The most records one request may carry. */
export const MAX_WEBHOOK_RECORDS = 500;

/** MDE alert ids: `da637472900382838869_1364969609`, GUID-like ids, … never a path. */
const ALERT_ID = /^[\w.:-]{1,200}$/;

const fail = (code: WebhookBodyProblem['code'], message: string): WebhookBodyResult => ({
  ok: false,
  code,
  message,
});

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`)
    .join('; ');
}

/** Validates with the Defender adapter's own schema and maps with its own mapper. */
function mapped<T>(
  schema: z.ZodType<T>,
  map: (dto: T) => Alert,
  item: object,
  label: string,
  index: number,
): WebhookRecord | WebhookBodyResult {
  const parsed = schema.safeParse(item);
  if (!parsed.success) {
    return fail(
      'WEBHOOK.INVALID_RECORD',
      `Record ${index} is not a valid ${label}: ${issuesText(parsed.error)}.`,
    );
  }
  try {
    return { kind: 'alert', alert: map(parsed.data) };
  } catch {
    return fail('WEBHOOK.INVALID_RECORD', `Record ${index} is not a valid ${label}: a time is out of range.`);
  }
}

function triggerId(item: Record<string, unknown>): unknown {
  return item.alertId ?? item.AlertId ?? item.id;
}

function parseRecord(item: unknown, index: number): WebhookRecord | WebhookBodyResult {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return fail('WEBHOOK.UNKNOWN_SHAPE', `Record ${index} is not a JSON object.`);
  }
  const record = item as Record<string, unknown>;
  if ('_id' in record)
    return mapped(mcasAlertSchema, mapMcasAlert, record, 'Defender for Cloud Apps alert', index);
  if ('alertCreationTime' in record) {
    return mapped(mdeAlertSchema, mapMdeAlert, record, 'Defender for Endpoint alert', index);
  }
  const id = triggerId(record);
  if (typeof id === 'string' && !('title' in record)) {
    return ALERT_ID.test(id)
      ? { kind: 'mdeTrigger', alertId: id }
      : fail('WEBHOOK.INVALID_RECORD', `Record ${index}: the alert id is not a Defender alert id.`);
  }
  return fail(
    'WEBHOOK.UNKNOWN_SHAPE',
    `Record ${index} is neither a Defender for Cloud Apps alert (with "_id"), a Defender for Endpoint ` +
      'alert (with "id" and "alertCreationTime"), nor an alert trigger (with "id" or "alertId").',
  );
}

/**
 * Reads a webhook body: one record or a JSON array of records, each an MCAS alert (as the MCAS API and
 * "Send alerts to Power Automate" give it), an MDE alert (as the MDE API gives it), or the MDE Flow
 * trigger's `{ id, machineId }`. Every record is checked before any is used: a body with one bad record
 * is refused whole.
 */
export function parseWebhookRecords(rawBody: string | Buffer): WebhookBodyResult {
  let value: unknown;
  try {
    value = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return fail('WEBHOOK.INVALID_JSON', 'The body is not valid JSON.');
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return fail('WEBHOOK.EMPTY', 'The body holds no alert record.');
  if (items.length > MAX_WEBHOOK_RECORDS) {
    return fail('WEBHOOK.TOO_MANY_RECORDS', `Send at most ${MAX_WEBHOOK_RECORDS} records per request.`);
  }
  const records: WebhookRecord[] = [];
  for (const [index, item] of items.entries()) {
    const record = parseRecord(item, index);
    if ('ok' in record) return record;
    records.push(record);
  }
  return { ok: true, records };
}
