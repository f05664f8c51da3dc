/**
 * Formats epoch milliseconds the way MDE writes machine-action times: UTC with seven fractional digits,
 * e.g. `2021-01-26T20:33:57.7220000Z`.
 */
export function toMdeTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '0000Z');
}
