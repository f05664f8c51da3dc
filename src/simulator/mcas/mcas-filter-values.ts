import { badRequest, type SimHttpError } from '../http/sim-error';
import type { ScalarField } from './mcas-filter-fields';

/** A 400 about a filter, naming the field and operator. */
export const filterError = (message: string): SimHttpError => badRequest('InvalidFilter', message);

/** A value given to an entity filter: an entity primary key `{id, saas?, inst?}`, or a bare id. */
export interface EntityRef {
  readonly id: string;
  readonly saas?: number;
  readonly inst?: number;
  /** A bare string also matches the entity's `pa` (UPN) or `label`. */
  readonly loose: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The operator's value as a non-empty list (a single value counts as a list of one). */
export function asList(where: string, value: unknown): unknown[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw filterError(`${where}: give at least one value.`);
  return list;
}

/** A number, or a string holding one (PowerShell clients send strings). */
export function readNumber(where: string, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw filterError(`${where}: ${JSON.stringify(value)} is not a number.`);
  }
  return number;
}

export function readBoolean(where: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw filterError(`${where}: ${JSON.stringify(value)} is not true or false.`);
}

/** A list of strings (a single string counts as one). */
export function readStrings(where: string, value: unknown): string[] {
  return asList(where, value).map((item) => {
    if (typeof item !== 'string') throw filterError(`${where}: ${JSON.stringify(item)} is not a string.`);
    return item.toLowerCase();
  });
}

/** One value of an `eq`/`neq` on a scalar field, checked against the field's kind and enum range. */
export function readScalar(where: string, field: ScalarField, value: unknown): string | number | boolean {
  if (field.kind === 'bool') return readBoolean(where, value);
  if (field.kind === 'string') {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw filterError(`${where}: ${JSON.stringify(value)} is not a string.`);
    }
    return String(value).toLowerCase();
  }
  const number = readNumber(where, value);
  if (!Number.isInteger(number)) throw filterError(`${where}: ${number} is not an integer.`);
  if (field.range && (number < field.range[0] || number > field.range[1])) {
    throw filterError(`${where}: ${number} is not a valid value (${field.range[0]} to ${field.range[1]}).`);
  }
  return number;
}

/** `range` takes `[{start, end}]` (epoch milliseconds, both ends included; either end may be left out). */
export function readRanges(where: string, value: unknown): Array<{ start: number; end: number }> {
  return asList(where, value).map((item) => {
    if (!isObject(item) || (item.start === undefined && item.end === undefined)) {
      throw filterError(`${where}: each range is an object {"start": <ms>, "end": <ms>}.`);
    }
    return {
      start: item.start === undefined ? Number.NEGATIVE_INFINITY : readNumber(`${where}.start`, item.start),
      end: item.end === undefined ? Number.POSITIVE_INFINITY : readNumber(`${where}.end`, item.end),
    };
  });
}

/** One value of an entity filter: `{"id": …, "saas": …, "inst": …}`, or a bare id (or app id). */
export function readEntityRef(where: string, numeric: boolean, value: unknown): EntityRef {
  if (isObject(value)) {
    if (value.id === undefined) throw filterError(`${where}: an entity needs an "id".`);
    return {
      id: String(numeric ? readNumber(`${where}.id`, value.id) : value.id).toLowerCase(),
      loose: false,
      ...(value.saas === undefined ? {} : { saas: readNumber(`${where}.saas`, value.saas) }),
      ...(value.inst === undefined ? {} : { inst: readNumber(`${where}.inst`, value.inst) }),
    };
  }
  if (numeric) return { id: String(readNumber(where, value)), loose: false };
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw filterError(`${where}: ${JSON.stringify(value)} is not an entity id or {"id": …}.`);
  }
  return { id: String(value).toLowerCase(), loose: true };
}
