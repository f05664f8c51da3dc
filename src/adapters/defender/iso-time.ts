/** A date-time as Vigil keeps it: ISO-8601 UTC with milliseconds (MDE's 7 digits are truncated). */
export function isoTime(text: string): string {
  return new Date(text).toISOString();
}

/** The same for an optional value: null, undefined and '' give undefined. */
export function optionalIsoTime(text: string | null | undefined): string | undefined {
  return text === null || text === undefined || text === '' ? undefined : isoTime(text);
}

/** An epoch-milliseconds time (MCAS) as ISO-8601 UTC. */
export function isoFromEpochMs(ms: number): string {
  return new Date(ms).toISOString();
}
