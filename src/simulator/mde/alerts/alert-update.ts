import { toMdeTime } from '../../estate/mde-time';
import { badRequest } from '../../http/sim-error';
import type { MdeAlert, MdeAlertStatus, MdeClassification } from '../../model/mde-types';
import {
  ACCEPTED_DETERMINATIONS,
  ALERT_CLASSIFICATIONS,
  canonicalDetermination,
  canonicalMember,
  UPDATABLE_STATUSES,
} from './alert-enums';

/** What `PATCH /api/alerts/{id}` and `batchUpdate` may change; absent fields keep their values. */
export interface AlertUpdate {
  status?: MdeAlertStatus;
  assignedTo?: string | null;
  classification?: MdeClassification | null;
  determination?: string | null;
  comment?: string;
}

/** The body properties of an alert update; names are case-sensitive, as in MDE. */
export const ALERT_UPDATE_PROPERTIES = ['status', 'assignedTo', 'classification', 'determination', 'comment'];

const invalid = (message: string) => badRequest('InvalidRequestBody', message);

function enumValue<M extends string>(name: string, value: unknown, members: readonly M[]): M | null {
  if (value === null && name !== 'status') return null;
  const member = typeof value === 'string' ? canonicalMember(value, members) : undefined;
  if (!member) {
    throw invalid(
      `Invalid value ${JSON.stringify(value)} for '${name}'. Allowed values: ${members.join(', ')}.`,
    );
  }
  return member;
}

function determinationValue(value: unknown): string | null {
  if (value === null) return null;
  const canonical = typeof value === 'string' ? canonicalDetermination(value) : undefined;
  if (canonical === undefined) {
    throw invalid(
      `Invalid value ${JSON.stringify(value)} for 'determination'. Allowed values: ${ACCEPTED_DETERMINATIONS.join(', ')}.`,
    );
  }
  return canonical;
}

function stringValue(name: string, value: unknown, nullable: boolean): string | null {
  if (value === null && nullable) return null;
  if (typeof value !== 'string') throw invalid(`'${name}' must be a string${nullable ? ' or null' : ''}.`);
  return value;
}

/**
 * Reads an alert update body. Unknown properties (including a wrong case such as `Status`), bad enum
 * values and a body that changes nothing are 400 `InvalidRequestBody`. Enum values match in any case
 * and are stored in MDE's spelling; determination aliases are stored as their alerts.md names.
 */
export function parseAlertUpdate(body: unknown, extraProperties: readonly string[] = []): AlertUpdate {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The request body must be a JSON object.');
  }
  const allowed = [...ALERT_UPDATE_PROPERTIES, ...extraProperties];
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) {
      throw invalid(
        `'${key}' is not a valid property. Valid properties (case-sensitive): ${allowed.join(', ')}.`,
      );
    }
  }
  const update: AlertUpdate = {};
  if ('status' in fields)
    update.status = enumValue('status', fields.status, UPDATABLE_STATUSES) as MdeAlertStatus;
  if ('assignedTo' in fields) update.assignedTo = stringValue('assignedTo', fields.assignedTo, true);
  if ('classification' in fields) {
    update.classification = enumValue('classification', fields.classification, ALERT_CLASSIFICATIONS);
  }
  if ('determination' in fields) update.determination = determinationValue(fields.determination);
  if ('comment' in fields) update.comment = stringValue('comment', fields.comment, false) ?? '';
  if (Object.keys(update).length === 0) {
    throw invalid(`The request body must set at least one of: ${ALERT_UPDATE_PROPERTIES.join(', ')}.`);
  }
  return update;
}

/**
 * Applies an update in place. `Resolved` sets `resolvedTime` (kept if it was already resolved); leaving
 * `Resolved` clears it; a comment is appended with the caller as author; `lastUpdateTime` moves on any
 * change. Returns whether anything changed.
 */
export function applyAlertUpdate(
  alert: MdeAlert,
  update: AlertUpdate,
  caller: string,
  nowMs: number,
): boolean {
  const now = toMdeTime(nowMs);
  let changed = false;
  if (update.status !== undefined && update.status !== alert.status) {
    alert.resolvedTime = update.status === 'Resolved' ? now : null;
    alert.status = update.status;
    changed = true;
  }
  for (const key of ['assignedTo', 'classification', 'determination'] as const) {
    const value = update[key];
    if (value !== undefined && value !== alert[key]) {
      (alert as unknown as Record<string, unknown>)[key] = value;
      changed = true;
    }
  }
  if (update.comment !== undefined && update.comment.trim() !== '') {
    alert.comments.push({ comment: update.comment, createdBy: caller, createdTime: now });
    changed = true;
  }
  if (changed) alert.lastUpdateTime = now;
  return changed;
}
