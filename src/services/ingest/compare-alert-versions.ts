import type { Alert } from '../../domain/alerts/alert';

/**
 * How an incoming alert relates to the stored one: `older` (an earlier `updatedAt`: a late poll page, a
 * replayed push), `same` (equal in every field), or `changed` (anything else, even at the same
 * `updatedAt`, e.g. evidence that arrived later).
 */
export type AlertVersionOrder = 'older' | 'same' | 'changed';

/** Deep equality of JSON-like values; key order does not matter and an `undefined` key counts as absent. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!sameValue(left[key], right[key])) return false;
  }
  return true;
}

/** Compares the stored version of an alert with an incoming one (see `AlertVersionOrder`). */
export function compareAlertVersions(stored: Alert, incoming: Alert): AlertVersionOrder {
  const storedAt = Date.parse(stored.updatedAt);
  const incomingAt = Date.parse(incoming.updatedAt);
  if (incomingAt < storedAt) return 'older';
  return sameValue(stored, incoming) ? 'same' : 'changed';
}
