import type { McasAlert, McasEntity } from '../model/mcas-types';
import {
  type EntityField,
  entitiesOf,
  MCAS_FILTER_FIELDS,
  OPERATORS,
  type ScalarField,
  type ScalarValue,
} from './mcas-filter-fields';
import {
  asList,
  type EntityRef,
  filterError,
  readBoolean,
  readEntityRef,
  readNumber,
  readRanges,
  readScalar,
  readStrings,
} from './mcas-filter-values';

/** Whether an alert passes a filter. */
export type McasPredicate = (alert: McasAlert) => boolean;

const DAY_MS = 86_400_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const lower = (value: ScalarValue): ScalarValue => (typeof value === 'string' ? value.toLowerCase() : value);

function textOperator(op: string, wanted: string[], get: (alert: McasAlert) => ScalarValue): McasPredicate {
  const test = (text: string, word: string) =>
    op === 'startswith'
      ? text.startsWith(word)
      : op === 'endswith'
        ? text.endsWith(word)
        : text.includes(word);
  return (alert) => {
    const value = get(alert);
    const text = value === null ? '' : String(value).toLowerCase();
    const hit = wanted.some((word) => test(text, word));
    return op === 'ncontains' ? !hit : hit;
  };
}

function numberOperator(op: string, where: string, raw: unknown, get: McasPredicateGetter, nowMs: number) {
  if (op === 'range') {
    const ranges = readRanges(where, raw);
    return (alert: McasAlert) => {
      const value = get(alert);
      return typeof value === 'number' && ranges.some((r) => value >= r.start && value <= r.end);
    };
  }
  const bound = readNumber(where, raw);
  const limit = op.endsWith('_ndays') ? nowMs - bound * DAY_MS : bound;
  const compare: Record<string, (value: number) => boolean> = {
    gt: (value) => value > limit,
    gte: (value) => value >= limit,
    lt: (value) => value < limit,
    lte: (value) => value <= limit,
    gte_ndays: (value) => value >= limit,
    lte_ndays: (value) => value <= limit,
  };
  const test = compare[op] as (value: number) => boolean;
  return (alert: McasAlert) => {
    const value = get(alert);
    return typeof value === 'number' && test(value);
  };
}

type McasPredicateGetter = (alert: McasAlert) => ScalarValue;

function scalarPredicate(
  where: string,
  field: ScalarField,
  op: string,
  raw: unknown,
  nowMs: number,
): McasPredicate {
  const get = field.get;
  if (op === 'eq' || op === 'neq') {
    const wanted = asList(where, raw).map((value) => readScalar(where, field, value));
    return (alert) => wanted.includes(lower(get(alert)) as never) === (op === 'eq');
  }
  if (op === 'isset' || op === 'isnotset') {
    const flag = readBoolean(where, raw) === (op === 'isset');
    return (alert) => {
      const value = get(alert);
      return (value !== null && value !== '') === flag;
    };
  }
  if (['contains', 'ncontains', 'startswith', 'endswith'].includes(op)) {
    return textOperator(op, readStrings(where, raw), get);
  }
  if (op === 'text') return textOperator('contains', [readTextQuery(where, raw)], get);
  return numberOperator(op, where, raw, get, nowMs);
}

function readTextQuery(where: string, raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw filterError(`${where}: give the text to search for.`);
  return raw.trim().toLowerCase();
}

function entityMatches(entity: McasEntity, ref: EntityRef): boolean {
  const names = [entity.id, ...(ref.loose ? [entity.pa, entity.label] : [])];
  if (!names.some((name) => name !== undefined && String(name).toLowerCase() === ref.id)) return false;
  if (ref.inst !== undefined && (entity.inst ?? 0) !== ref.inst) return false;
  return ref.saas === undefined || entity.saas === undefined || entity.saas === ref.saas;
}

function entityPredicate(where: string, field: EntityField, op: string, raw: unknown): McasPredicate {
  const entities = (alert: McasAlert) => entitiesOf(alert, field);
  if (op === 'eq' || op === 'neq') {
    const refs = asList(where, raw).map((value) => readEntityRef(where, field.numeric, value));
    const related = (alert: McasAlert) =>
      entities(alert).some((e) => refs.some((ref) => entityMatches(e, ref)));
    return op === 'eq' ? related : (alert) => !related(alert);
  }
  if (op === 'isset' || op === 'isnotset') {
    const flag = readBoolean(where, raw) === (op === 'isset');
    return (alert) => entities(alert).length > 0 === flag;
  }
  const words = op === 'text' ? [readTextQuery(where, raw)] : readStrings(where, raw);
  return (alert) =>
    entities(alert).some((entity) =>
      [entity.id, entity.label, entity.pa].some(
        (name) => name !== undefined && words.some((word) => String(name).toLowerCase().includes(word)),
      ),
    );
}

function compileField(name: string, operators: unknown, nowMs: number): McasPredicate[] {
  const field = MCAS_FILTER_FIELDS[name];
  if (!field) {
    const known = Object.keys(MCAS_FILTER_FIELDS).join(', ');
    throw filterError(`Unknown filter field "${name}". Alerts can be filtered by: ${known}.`);
  }
  if (!isObject(operators) || Object.keys(operators).length === 0) {
    throw filterError(`Filter "${name}" must be an object of operators, e.g. {"${name}": {"eq": [...]}}.`);
  }
  const allowed = OPERATORS[field.kind];
  return Object.entries(operators).map(([op, raw]) => {
    if (!allowed.includes(op)) {
      throw filterError(`Operator "${op}" is not supported on "${name}"; use one of: ${allowed.join(', ')}.`);
    }
    const where = `filters.${name}.${op}`;
    return field.kind === 'entity'
      ? entityPredicate(where, field, op, raw)
      : scalarPredicate(where, field, op, raw, nowMs);
  });
}

/**
 * Compiles Cloud Apps `filters` (`{"<field>": {"<operator>": <value>}}`, every filter ANDed) into a
 * predicate. An unknown field, an operator the field does not take, or a bad value is a 400 naming it.
 */
export function compileMcasFilters(filters: unknown, nowMs: number): McasPredicate {
  if (filters === undefined || filters === null) return () => true;
  if (!isObject(filters)) {
    throw filterError('"filters" must be an object: {"<field>": {"<operator>": <value>}}.');
  }
  const predicates = Object.entries(filters).flatMap(([name, ops]) => compileField(name, ops, nowMs));
  return (alert) => predicates.every((predicate) => predicate(alert));
}

/** The alert ids a filter names by `id.eq` (close calls report the ones that do not exist). */
export function idsNamedBy(filters: unknown): string[] {
  if (!isObject(filters) || !isObject(filters.id) || filters.id.eq === undefined) return [];
  const eq = filters.id.eq;
  return (Array.isArray(eq) ? eq : [eq]).map((id) => String(id));
}
