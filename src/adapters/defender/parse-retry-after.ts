/**
 * Reads a `Retry-After` header: delay-seconds (`"2"`, `"1.5"`) or an HTTP date. Returns milliseconds
 * from `nowMs` (never negative), or undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(header: string | undefined | null, nowMs: number): number | undefined {
  if (header === undefined || header === null) return undefined;
  const text = header.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names its day and month (`Wed, 01 May 2024 10:00:05 GMT`).
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
