import type { KqlScalar, KqlType } from './kql-types';

const MS_PER_UNIT: Readonly<Record<string, number>> = {
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  ms: 1,
  milli: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
};

/** Milliseconds in `amount` of a KQL timespan unit (`1d`, `2h`, `30m`, `10s`, `5ms`), or undefined. */
export function timespanMs(amount: number, unit: string): number | undefined {
  const factor = MS_PER_UNIT[unit];
  return factor === undefined ? undefined : amount * factor;
}

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]00:?00)?$/;

/** Epoch ms of a KQL datetime text (`2026-01-01`, `2026-01-01T08:30:00Z`, `2026-01-01 08:30`); UTC. */
export function parseDatetimeText(text: string): number | undefined {
  const m = DATETIME.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = Number(`0.${m[7] ?? '0'}`);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(fraction * 1000);
  const check = new Date(ms);
  const valid =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  return valid ? ms : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** KQL's timespan text: `[-][d.]hh:mm:ss[.fffffff]`, e.g. `1.02:00:00` or `00:00:01.5000000`. */
export function formatTimespan(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = Math.round(rest - seconds * 1000);
  const dayPart = days > 0 ? `${days}.` : '';
  const fraction = millis > 0 ? `.${pad(millis, 3)}0000` : '';
  return `${sign}${dayPart}${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction}`;
}

/** A datetime as the API writes it: ISO 8601 in UTC. */
export function formatDatetime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** A value as text, as `tostring()` and `strcat()` write it; null is the empty string. */
export function valueToText(value: KqlScalar, type: KqlType): string {
  if (value === null) return '';
  if (type === 'datetime' && typeof value === 'number') return formatDatetime(value);
  if (type === 'timespan' && typeof value === 'number') return formatTimespan(value);
  return String(value);
}

/** A value as the API sends it in `Results` (datetimes and timespans as text, NaN/∞ as null). */
export function valueToWire(value: KqlScalar, type: KqlType): KqlScalar {
  if (value === null) return null;
  if (type === 'datetime' || type === 'timespan') return valueToText(value, type);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/**
 * Orders two values of the same type for sorting: numbers and times numerically, strings by code unit,
 * false before true. Nulls are handled by the caller.
 */
export function compareValues(a: Exclude<KqlScalar, null>, b: Exclude<KqlScalar, null>): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
