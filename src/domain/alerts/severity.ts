/** Vigil's one severity scale, shared by MDE and MCAS alerts, ordered from least to most severe. */
export const SEVERITIES = ['informational', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The rank of a severity: informational = 0 … high = 3. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Compares two severities: negative when a is less severe than b, zero when equal. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(a) - severityRank(b);
}

/** Reads a severity written by a person or an API, in any case; undefined when it is not one. */
export function parseSeverity(text: string): Severity | undefined {
  const lower = text.trim().toLowerCase();
  if (lower === 'unspecified') return 'informational';
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as Severity) : undefined;
}
