/** Milliseconds between 0001-01-01 (the .NET epoch) and 1970-01-01. */
const DOTNET_EPOCH_OFFSET_MS = 62_135_596_800_000;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A cheap deterministic scramble of an integer (low 32 bits), e.g. for sub-millisecond digits. */
export function mixInt(value: number): number {
  let h = value % 4_294_967_296;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Recently written `YYYY-MM-DDTHH:MM:SS` prefixes by epoch second (bulk creation writes many per second). */
const prefixes = new Map<number, string>();

function secondPrefix(second: number): string {
  let prefix = prefixes.get(second);
  if (prefix === undefined) {
    if (prefixes.size >= 256) prefixes.clear();
    prefix = new Date(second * 1000).toISOString().slice(0, 19);
    prefixes.set(second, prefix);
  }
  return prefix;
}

/**
 * A time as MDE writes it: UTC with 7 fractional digits (`2021-01-26T20:33:57.7220239Z`). The four
 * digits below the millisecond are `subMs` (0..9999) or, by default, derived from the time itself so
 * the output is deterministic and looks like real data.
 */
export function toMdeTime(ms: number, subMs?: number): string {
  const whole = Math.floor(ms);
  const second = Math.floor(whole / 1000);
  const millis = String(1000 + whole - second * 1000).slice(1);
  const extra = String(10_000 + ((subMs ?? mixInt(whole)) % 10_000)).slice(1);
  return `${secondPrefix(second)}.${millis}${extra}Z`;
}

/** .NET ticks (100 ns since 0001-01-01) of an epoch-milliseconds time plus `subMs` ticks, as digits. */
export function dotNetTicks(ms: number, subMs = 0): string {
  return `${Math.floor(ms) + DOTNET_EPOCH_OFFSET_MS}${String(subMs % 10_000).padStart(4, '0')}`;
}
