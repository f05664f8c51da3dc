import { badRequest } from '../http/sim-error';
import type { SimRequest } from '../http/sim-router';
import type { McasAlert } from '../model/mcas-types';
import { compileMcasFilters } from './mcas-filter';

/** Token calls return at most this many alerts per page (CAS: api-introduction "Limits"). */
export const MCAS_MAX_LIMIT = 100;

/** A list request: filters plus paging and sorting. */
export interface McasListQuery {
  readonly filters: unknown;
  readonly skip: number;
  readonly limit: number;
  readonly sortField: 'date' | 'severity';
  readonly sortDirection: 'asc' | 'desc';
}

export interface McasPage {
  total: number;
  hasNext: boolean;
  data: McasAlert[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readCount(name: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
    throw badRequest('InvalidRequestBody', `"${name}" must be a whole number of 0 or more.`);
  }
  return number;
}

function readChoice<T extends string>(name: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw badRequest('InvalidRequestBody', `"${name}" must be one of: ${choices.join(', ')}.`);
}

/** The query string's `filters`, a JSON object (for GET requests that cannot carry a body). */
function queryFilters(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('InvalidRequestBody', '"filters" in the query string must be JSON.');
  }
}

/** Reads a list request from the JSON body, or from the query string for a GET without a body. */
export function readListQuery(req: SimRequest): McasListQuery {
  if (req.body !== undefined && !isObject(req.body)) {
    throw badRequest('InvalidRequestBody', 'The body must be a JSON object.');
  }
  const body = req.body ?? {};
  const pick = (name: string): unknown => body[name] ?? req.query.get(name) ?? undefined;
  return {
    filters: body.filters ?? queryFilters(req.query.get('filters')),
    skip: readCount('skip', pick('skip'), 0),
    limit: Math.min(readCount('limit', pick('limit'), MCAS_MAX_LIMIT), MCAS_MAX_LIMIT),
    sortField: readChoice('sortField', pick('sortField'), ['date', 'severity'], 'date'),
    sortDirection: readChoice('sortDirection', pick('sortDirection'), ['asc', 'desc'], 'desc'),
  };
}

/** How severe a `severityValue` is: 3 (INFORMATIONAL) ranks below 0 (LOW). */
const severityRank = (value: number) => (value === 3 ? -1 : value);

function compareAlerts(query: McasListQuery): (a: McasAlert, b: McasAlert) => number {
  const sign = query.sortDirection === 'asc' ? 1 : -1;
  return (a, b) => {
    const primary =
      query.sortField === 'severity'
        ? severityRank(a.severityValue) - severityRank(b.severityValue)
        : a.timestamp - b.timestamp;
    if (primary !== 0) return sign * primary;
    if (a.timestamp !== b.timestamp) return sign * (a.timestamp - b.timestamp);
    return a._id < b._id ? -sign : a._id > b._id ? sign : 0;
  };
}

/** One page of the alerts matching a query: `{total, hasNext, data}` as `POST /api/v1/alerts/` answers. */
export function listMcasAlerts(alerts: Iterable<McasAlert>, query: McasListQuery, nowMs: number): McasPage {
  const matches = compileMcasFilters(query.filters, nowMs);
  const found = [...alerts].filter(matches).sort(compareAlerts(query));
  const data = found.slice(query.skip, query.skip + query.limit);
  return { total: found.length, hasNext: query.skip + data.length < found.length, data };
}
