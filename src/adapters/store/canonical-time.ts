import { StoreError } from './store-error';

/**
 * The one text form of an instant in the store: `YYYY-MM-DDTHH:mm:ss.sssZ` (UTC, milliseconds). Time
 * columns are compared as text (`not_before <= ?`), which is only right when every value has this form:
 * `…:00Z` sorts after `…:00.5Z` as text. Sub-millisecond digits (MDE sends seven) are dropped here; the
 * alert's own JSON keeps them.
 */
export function canonicalTime(value: string, field: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new StoreError('STORE.INVALID_TIME', `"${field}" is not an ISO-8601 time.`, { details: { field } });
  }
  return new Date(ms).toISOString();
}
