import type { McasAlert, McasEntity } from '../model/mcas-types';

/** What a filter field holds, which decides its operators and how values are read. */
export type FieldKind = 'string' | 'int' | 'bool' | 'time' | 'entity';

export type ScalarValue = string | number | boolean | null;

export interface ScalarField {
  readonly kind: 'string' | 'int' | 'bool' | 'time';
  readonly get: (alert: McasAlert) => ScalarValue;
  /** For integer enums: the smallest and largest valid value. */
  readonly range?: readonly [number, number];
}

export interface EntityField {
  readonly kind: 'entity';
  /** The entity `type`s the field looks at; empty = every entity. */
  readonly types: readonly string[];
  /** Whether values are app ids (integers) rather than string ids. */
  readonly numeric: boolean;
}

export type FilterField = ScalarField | EntityField;

/** The operators each kind of field takes (CAS: api-introduction "Operators"). */
export const OPERATORS: Readonly<Record<FieldKind, readonly string[]>> = {
  string: ['eq', 'neq', 'contains', 'ncontains', 'startswith', 'endswith', 'text', 'isset', 'isnotset'],
  int: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'range', 'isset', 'isnotset'],
  bool: ['eq', 'neq'],
  time: ['eq', 'gt', 'gte', 'lt', 'lte', 'range', 'gte_ndays', 'lte_ndays', 'isset', 'isnotset'],
  entity: ['eq', 'neq', 'contains', 'text', 'isset', 'isnotset'],
};

const entityField = (types: readonly string[], numeric = false): EntityField => ({
  kind: 'entity',
  types,
  numeric,
});

/**
 * The alert filters (CAS: api-alerts "Filters") and where each reads the alert. `alertType` is the alert
 * type number (`idValue`), `risk` the `threatScore`, `source` `built-in` for system alerts else `policy`.
 */
export const MCAS_FILTER_FIELDS: Readonly<Record<string, FilterField>> = {
  id: { kind: 'string', get: (alert) => alert._id },
  severity: { kind: 'int', get: (alert) => alert.severityValue, range: [0, 3] },
  resolutionStatus: { kind: 'int', get: (alert) => alert.resolutionStatusValue, range: [0, 5] },
  alertOpen: { kind: 'bool', get: (alert) => alert.resolutionStatusValue === 0 },
  read: { kind: 'bool', get: (alert) => alert.statusValue !== 0 },
  date: { kind: 'time', get: (alert) => alert.timestamp },
  resolutionDate: { kind: 'time', get: (alert) => alert.resolveTime },
  risk: { kind: 'int', get: (alert) => alert.threatScore },
  alertType: { kind: 'int', get: (alert) => alert.idValue },
  source: { kind: 'string', get: (alert) => (alert.isSystemAlert ? 'built-in' : 'policy') },
  title: { kind: 'string', get: (alert) => alert.title },
  'entity.entity': entityField([]),
  'entity.ip': entityField(['ip']),
  'entity.service': entityField(['service'], true),
  'entity.instance': entityField(['instance'], true),
  'entity.policy': entityField(['policyRule']),
  'entity.file': entityField(['file']),
};

/** The entities of an alert a field looks at. */
export function entitiesOf(alert: McasAlert, field: EntityField): McasEntity[] {
  return field.types.length === 0
    ? alert.entities
    : alert.entities.filter((entity) => field.types.includes(entity.type));
}
