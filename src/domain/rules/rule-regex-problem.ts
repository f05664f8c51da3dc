import { findRiskyRepetition } from './find-risky-repetition';

/** The longest regular expression a rule may hold. */
export const MAX_RULE_REGEX_LENGTH = 200;

/** The flags a rule's regular expression may use, in canonical order (`g` and `y` hold state: no). */
export const RULE_REGEX_FLAGS = ['i', 'm', 's', 'u'] as const;

/** Why a regular expression cannot be used, as the parser reports it. */
export interface RuleRegexProblem {
  readonly reason: string;
  readonly expected: readonly string[];
}

/** The flags in canonical order, or the first flag that is not allowed or repeated. */
export function canonicalRegexFlags(flags: string): { flags: string } | { bad: string } {
  const seen = new Set<string>();
  for (const flag of flags) {
    if (!(RULE_REGEX_FLAGS as readonly string[]).includes(flag) || seen.has(flag)) return { bad: flag };
    seen.add(flag);
  }
  return { flags: RULE_REGEX_FLAGS.filter((flag) => seen.has(flag)).join('') };
}

/** The engine's explanation of an invalid pattern, without the pattern itself. */
function engineReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const last = message.split(': ').pop() ?? message;
  return last.length > 40 ? `${last.slice(0, 39)}…` : last;
}

/**
 * Why a rule may not use `/pattern/flags`, or undefined when it may: empty, longer than 200 characters,
 * flags other than `imsu`, a pattern that could backtrack catastrophically, or one that does not compile.
 */
export function ruleRegexProblem(pattern: string, flags: string): RuleRegexProblem | undefined {
  if (pattern.length === 0) {
    return { reason: 'Empty regular expression', expected: ['a pattern such as /mimi(katz)?/i'] };
  }
  if (pattern.length > MAX_RULE_REGEX_LENGTH) {
    return {
      reason: `Regular expression too long (${pattern.length} characters)`,
      expected: [`at most ${MAX_RULE_REGEX_LENGTH} characters`],
    };
  }
  const canonical = canonicalRegexFlags(flags);
  if ('bad' in canonical) {
    return {
      reason: `Bad regular expression flag "${canonical.bad}"`,
      expected: ['flags i, m, s or u, once each'],
    };
  }
  const risky = findRiskyRepetition(pattern);
  if (risky !== undefined) {
    return {
      reason: `Regular expression could run for ever (${risky})`,
      expected: ['a pattern without nested repetition'],
    };
  }
  try {
    new RegExp(pattern, canonical.flags);
  } catch (error) {
    return {
      reason: `Invalid regular expression (${engineReason(error)})`,
      expected: ['a valid regular expression'],
    };
  }
  return undefined;
}
