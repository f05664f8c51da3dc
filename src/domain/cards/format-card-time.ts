const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Reads an ISO-8601 time; undefined when it is not one. Reads no clock. */
function parseIso(iso: string): number | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** "26 Jan 2021 20:33 UTC"; the input unchanged when it is not a time. */
export function formatCardTime(iso: string): string {
  const ms = parseIso(iso);
  if (ms === undefined) return iso;
  const date = new Date(ms);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return `${day} ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
}

/** "20:33 UTC": the time of day only, for spans within a day. */
export function formatCardClock(iso: string): string {
  const ms = parseIso(iso);
  if (ms === undefined) return iso;
  const date = new Date(ms);
  return `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
}

/** "just now", "12 min ago", "3 h ago", "2 d ago" (or "in 5 min" for a time after `nowIso`). */
export function formatAge(iso: string, nowIso: string): string | undefined {
  const then = parseIso(iso);
  const now = parseIso(nowIso);
  if (then === undefined || now === undefined) return undefined;
  const delta = now - then;
  const span = Math.abs(delta);
  if (span < MINUTE_MS) return 'just now';
  const amount =
    span < HOUR_MS
      ? `${Math.floor(span / MINUTE_MS)} min`
      : span < DAY_MS
        ? `${Math.floor(span / HOUR_MS)} h`
        : `${Math.floor(span / DAY_MS)} d`;
  return delta >= 0 ? `${amount} ago` : `in ${amount}`;
}

/** "26 Jan 2021 20:33 UTC (12 min ago)": a time and its age relative to `nowIso`. */
export function formatCardTimeWithAge(iso: string, nowIso: string): string {
  const age = formatAge(iso, nowIso);
  return age === undefined ? formatCardTime(iso) : `${formatCardTime(iso)} (${age})`;
}

/** "26 Jan 2021 20:33 – 20:51 UTC" within a day, else two full times joined by " – ". */
export function formatCardSpan(fromIso: string, toIso: string): string {
  const from = parseIso(fromIso);
  const to = parseIso(toIso);
  if (from === undefined || to === undefined) return `${fromIso} – ${toIso}`;
  if (from === to) return formatCardTime(fromIso);
  const sameDay = new Date(from).toISOString().slice(0, 10) === new Date(to).toISOString().slice(0, 10);
  if (!sameDay) return `${formatCardTime(fromIso)} – ${formatCardTime(toIso)}`;
  return `${formatCardTime(fromIso).replace(/ UTC$/, '')} – ${formatCardClock(toIso)}`;
}
