/** What zod reports about one setting, reduced to the fields Vigil reads. */
export interface ConfigIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: boolean;
}

function describe(issue: ConfigIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'must be a number';
      return issue.message;
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map(String).join(', ')}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.inclusive === false ? ' (exclusive)' : ''}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.inclusive === false ? ' (exclusive)' : ''}`;
    default:
      return issue.message;
  }
}

/**
 * One line naming the variable and what it must be, e.g. `PORT: must be a whole number.` or
 * `INGEST_STATUSES (item 2): must be one of new, inProgress, resolved.`
 */
export function describeConfigIssue(issue: ConfigIssue): string {
  const [variable, ...rest] = issue.path.map(String);
  const item = rest.length > 0 && /^\d+$/.test(rest[0] ?? '') ? ` (item ${Number(rest[0]) + 1})` : '';
  return `${variable ?? 'settings'}${item}: ${describe(issue)}.`;
}
