import type { AlertStatus } from '../../domain/alerts/alert';
import type { Severity } from '../../domain/alerts/severity';
import type { MdeAlertQuery } from '../../services/ports/defender.port';
import { odataAnd, odataAnyOf, odataDateTime, odataString } from './odata-filter';

const MDE_STATUSES: Readonly<Record<AlertStatus, string>> = {
  new: 'New',
  inProgress: 'InProgress',
  resolved: 'Resolved',
};

/** Vigil's severities as MDE spells them; `informational` also covers MDE's `UnSpecified`. */
const MDE_SEVERITIES: Readonly<Record<Severity, readonly string[]>> = {
  informational: ['Informational', 'UnSpecified'],
  low: ['Low'],
  medium: ['Medium'],
  high: ['High'],
};

/** MDE's spelling of a Vigil alert status (for `$filter` and PATCH bodies). */
export function toMdeStatus(status: AlertStatus): string {
  return MDE_STATUSES[status];
}

/**
 * The `$filter` of an alert query: strings quoted with quotes doubled, date-times unquoted and checked,
 * e.g. `lastUpdateTime ge 2024-05-01T10:00:00Z and (status eq 'New' or status eq 'InProgress')`.
 */
export function mdeAlertFilter(query: MdeAlertQuery): string | undefined {
  return odataAnd([
    query.updatedSince === undefined ? undefined : `lastUpdateTime ge ${odataDateTime(query.updatedSince)}`,
    query.createdSince === undefined
      ? undefined
      : `alertCreationTime ge ${odataDateTime(query.createdSince)}`,
    query.statuses?.length ? odataAnyOf('status', query.statuses.map(toMdeStatus)) : undefined,
    query.severities?.length
      ? odataAnyOf(
          'severity',
          query.severities.flatMap((severity) => MDE_SEVERITIES[severity]),
        )
      : undefined,
    query.assignedTo === undefined ? undefined : `assignedTo eq ${odataString(query.assignedTo)}`,
  ]);
}
