const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/**
 * An ISO-8601 date-time as 100-ns ticks since the epoch (MDE writes 7 fractional digits, more than a
 * `Date` holds). A date alone is midnight UTC, and so is a time without an offset. Undefined when invalid.
 */
export function parseDateTimeTicks(text: string): bigint | undefined {
  const parts = DATE_TIME.exec(text.trim());
  if (!parts) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = parts;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone;
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  if (Number.isNaN(ms)) return undefined;
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (check.getUTCDate() !== Number(day)) return undefined;
  return BigInt(ms) * 10_000n + BigInt(fraction.padEnd(7, '0'));
}

/** Orders two comparable values (numbers, bigints, strings or booleans of one kind). */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : 1;
  return (a as number) < (b as number) ? -1 : 1;
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

/**
 * A date-time as a fixed-width UTC text with 7 fractional digits (MDE's own format), which orders as
 * strings do, so comparing and sorting need no parsing of values already in that form. Undefined when
 * the text is not a date-time.
 */
export function canonicalDateTime(text: string): string | undefined {
  if (text.length === 28 && CANONICAL.test(text)) return text;
  const ticks = parseDateTimeTicks(text);
  if (ticks === undefined) return undefined;
  const ms = ticks / 10_000n;
  const rest = String(ticks - ms * 10_000n).padStart(4, '0');
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999)
    return undefined;
  return `${date.toISOString().slice(0, 23)}${rest}Z`;
}
