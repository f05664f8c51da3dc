import { compileFilter } from './filter-compiler';
import { odataError } from './odata-error';
import { findField, type ODataResult, type ODataSpec } from './odata-spec';
import { parseOrderBy, sortItems } from './order-by';

export { contextUrl, MDE_API_ROOT, odataCollection, odataEntity, selectProperties } from './odata-body';
export type { ODataField, ODataFieldType, ODataResult, ODataSpec } from './odata-spec';

export interface ODataOptions {
  /** Absolute URL of the collection, for `@odata.nextLink` (e.g. `http://127.0.0.1:3979/api/alerts`). */
  readonly linkBase?: string;
}

const KNOWN_OPTIONS = ['$filter', '$top', '$skip', '$orderby', '$select', '$count', '$expand'] as const;
type OptionName = (typeof KNOWN_OPTIONS)[number];
const DEFAULT_LIMIT = 10_000;

/** The system query options of a request by lower-cased name; unknown or repeated ones are 400s. */
function readOptions(query: URLSearchParams): Map<OptionName, string> {
  const options = new Map<OptionName, string>();
  for (const [key, value] of query) {
    if (!key.startsWith('$')) continue;
    const name = key.toLowerCase() as OptionName;
    if (!KNOWN_OPTIONS.includes(name)) throw odataError(`The query parameter '${key}' is not supported.`);
    if (options.has(name)) {
      throw odataError(
        `Query option '${name}' was specified more than once, but it must be specified at most once.`,
      );
    }
    options.set(name, value);
  }
  return options;
}

function parseTop(text: string | undefined, maxTop: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw odataError(`Invalid value '${text}' for $top query option found.`);
  const top = Number(text);
  if (top > maxTop) {
    throw odataError(
      `The limit of '${maxTop}' for Top query has been exceeded. The value from the incoming request is '${text}'.`,
    );
  }
  if (top < 1) throw odataError(`The value of $top must be between 1 and ${maxTop}; it was '${text}'.`);
  return top;
}

function parseSkip(text: string | undefined): number {
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text.trim())) throw odataError(`Invalid value '${text}' for $skip query option found.`);
  return Number(text);
}

function parseCount(text: string | undefined): boolean {
  if (text === undefined) return false;
  const value = text.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') {
    throw odataError(`'${text}' is not a valid count option; use true or false.`);
  }
  return value === 'true';
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function parseSelect<T>(text: string | undefined, spec: ODataSpec<T>): string[] | undefined {
  if (text === undefined) return undefined;
  const names = splitList(text);
  if (names.length === 0) throw odataError(`The $select query option must name at least one property.`);
  if (names.includes('*')) return undefined;
  return names.map((name) => {
    const found = findField(spec, name);
    if (!found) throw odataError(`Could not find a property named '${name}' on type '${spec.entityType}'.`);
    return found.name;
  });
}

function parseExpand<T>(text: string | undefined, spec: ODataSpec<T>): string[] {
  if (text === undefined) return [];
  return splitList(text).map((name) => {
    const found = (spec.expandable ?? []).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (!found) {
      throw odataError(
        `Property '${name}' on type '${spec.entityType}' is not a navigation property or complex property. Only navigation properties can be expanded.`,
      );
    }
    return found;
  });
}

function nextLinkFor(query: URLSearchParams, skip: number, spec: ODataSpec<unknown>, linkBase?: string) {
  const next = new URLSearchParams();
  for (const [key, value] of query) if (key.toLowerCase() !== '$skip') next.append(key, value);
  next.set('$skip', String(skip));
  const base = linkBase ?? `https://api.securitycenter.microsoft.com/api/${spec.entitySet.toLowerCase()}`;
  return `${base}?${next.toString()}`;
}

/**
 * Applies OData system query options to a collection as MDE does: `$filter` (see filter-compiler.ts),
 * `$orderby` (default `spec.defaultOrderBy`), `$skip`, `$top` (1..maxTop), `$count=true`, `$select` and
 * `$expand` (the caller renders expansions). Every problem is a 400 `ODataError` naming it, checked
 * before any item is read. Strings and enums compare case-insensitively; date-times compare by instant.
 */
export function applyODataQuery<T>(
  items: readonly T[],
  query: URLSearchParams,
  spec: ODataSpec<T>,
  options: ODataOptions = {},
): ODataResult<T> {
  const raw = readOptions(query);
  const limit = spec.maxTop ?? DEFAULT_LIMIT;
  const top = parseTop(raw.get('$top'), limit);
  const skip = parseSkip(raw.get('$skip'));
  const withCount = parseCount(raw.get('$count'));
  const select = parseSelect(raw.get('$select'), spec);
  const expand = parseExpand(raw.get('$expand'), spec);
  const filterText = raw.get('$filter');
  const predicate = filterText === undefined ? undefined : compileFilter(filterText, spec);
  const orderText = raw.get('$orderby') ?? spec.defaultOrderBy;
  const order = orderText === undefined ? [] : parseOrderBy(orderText, spec);

  const matched = predicate ? items.filter(predicate) : items;
  const sorted = sortItems(matched, order);
  const pageSize = top ?? spec.pageSize ?? DEFAULT_LIMIT;
  const value = sorted.slice(skip, skip + pageSize);
  const more = top === undefined && sorted.length - skip > pageSize;
  return {
    value,
    ...(withCount ? { count: matched.length } : {}),
    ...(more
      ? { nextLink: nextLinkFor(query, skip + pageSize, spec as ODataSpec<unknown>, options.linkBase) }
      : {}),
    ...(select ? { select } : {}),
    expand,
  };
}
