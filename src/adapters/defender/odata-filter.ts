const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An OData string literal: single-quoted, with every quote doubled (`O'Brien` → `'O''Brien'`). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * An OData DateTimeOffset literal: unquoted, as MDE expects (`lastUpdateTime ge 2024-05-01T10:00:00Z`).
 * Only a well-formed ISO-8601 time with a zone passes, so nothing else can reach the filter.
 */
export function odataDateTime(iso: string): string {
  if (!DATE_TIME.test(iso) || Number.isNaN(Date.parse(iso))) {
    throw new RangeError(`Not an ISO-8601 date-time with a time zone: ${JSON.stringify(iso)}`);
  }
  return iso;
}

/** `field eq 'a' or field eq 'b'`, in parentheses when there are several. */
export function odataAnyOf(field: string, values: readonly string[]): string {
  const clauses = values.map((value) => `${field} eq ${odataString(value)}`);
  return clauses.length > 1 ? `(${clauses.join(' or ')})` : (clauses[0] ?? '');
}

/** Joins clauses with `and`, leaving out empty ones; undefined when none is left. */
export function odataAnd(clauses: readonly (string | undefined)[]): string | undefined {
  const kept = clauses.filter((clause): clause is string => clause !== undefined && clause !== '');
  return kept.length === 0 ? undefined : kept.join(' and ');
}
