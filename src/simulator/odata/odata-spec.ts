/** How the OData query module reads one property of an entity (see apply-odata-query.ts). */
export type ODataFieldType = 'string' | 'enum' | 'datetime' | 'number' | 'boolean' | 'stringArray' | 'object';

/** One property of an entity as `$filter`, `$orderby` and `$select` see it. */
export interface ODataField<T> {
  readonly type: ODataFieldType;
  /** May appear in `$filter`. Default false: MDE lists the filterable properties per entity. */
  readonly filterable?: boolean;
  /** May appear in `$orderby`. Default true for scalar types, false for arrays and objects. */
  readonly sortable?: boolean;
  /** Enum members in ascending order: literals are checked against them and `gt`/`lt` follow this order. */
  readonly values?: readonly string[];
  /** Reads the value; default `item[name]`. */
  readonly get?: (item: T) => unknown;
}

/** What an entity set supports: its properties, default order, page size and expansions. */
export interface ODataSpec<T> {
  /** Named in error messages, e.g. `Alert` ("Could not find a property named 'foo' on type 'Alert'"). */
  readonly entityType: string;
  /** Named in `@odata.context`, e.g. `Alerts`. */
  readonly entitySet: string;
  /** Every property of the entity (those not listed cannot be selected, sorted or filtered). */
  readonly fields: Readonly<Record<string, ODataField<T>>>;
  /** Applied when the request has no `$orderby`, e.g. `alertCreationTime desc`. Default: insertion order. */
  readonly defaultOrderBy?: string;
  /** Largest `$top`; larger is a 400. Default 10,000. */
  readonly maxTop?: number;
  /** Page size without `$top`; beyond it `@odata.nextLink` is sent. Default 10,000. */
  readonly pageSize?: number;
  /** Names accepted by `$expand`, e.g. `['evidence']`. Default none. */
  readonly expandable?: readonly string[];
}

/** The spec's field for a name, matched case-insensitively, with its canonical name. */
export function findField<T>(
  spec: ODataSpec<T>,
  name: string,
): { name: string; field: ODataField<T> } | undefined {
  const exact = spec.fields[name];
  if (exact) return { name, field: exact };
  const wanted = name.toLowerCase();
  for (const [key, field] of Object.entries(spec.fields)) {
    if (key.toLowerCase() === wanted) return { name: key, field };
  }
  return undefined;
}

/** Reads a field's value from an item. */
export function readField<T>(item: T, name: string, field: ODataField<T>): unknown {
  return field.get ? field.get(item) : (item as Record<string, unknown>)[name];
}

/** What a query selected: the page of full entities plus what the response must carry. */
export interface ODataResult<T> {
  /** The page: filtered, ordered, skipped and cut to `$top` (or to the page size). */
  readonly value: T[];
  /** With `$count=true`: how many items matched `$filter`, before `$skip` and `$top`. */
  readonly count?: number;
  /** Only without `$top`, when more than a page remains after this one. */
  readonly nextLink?: string;
  /** Canonical property names from `$select`; undefined means every property. */
  readonly select?: readonly string[];
  /** Canonical names from `$expand`, e.g. `['evidence']`. */
  readonly expand: readonly string[];
}
