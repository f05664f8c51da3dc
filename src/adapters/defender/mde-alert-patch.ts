import type { AlertClassification } from '../../domain/alerts/alert';
import type { AlertUpdate } from '../../services/ports/defender.port';
import { toMdeStatus } from './mde-alert-filter';

const MDE_CLASSIFICATIONS: Readonly<Record<AlertClassification, string>> = {
  truePositive: 'TruePositive',
  falsePositive: 'FalsePositive',
  informationalExpectedActivity: 'InformationalExpectedActivity',
};

/** The camelCase body of `PATCH /api/alerts/{id}` (and batchUpdate), with MDE's PascalCase values. */
export function toMdeAlertPatch(update: AlertUpdate): Record<string, string> {
  const body: Record<string, string> = {};
  if (update.status !== undefined) body.status = toMdeStatus(update.status);
  if (update.assignedTo !== undefined) body.assignedTo = update.assignedTo;
  if (update.classification !== undefined) body.classification = MDE_CLASSIFICATIONS[update.classification];
  if (update.determination !== undefined) body.determination = update.determination;
  if (update.comment !== undefined) body.comment = update.comment;
  return body;
}
