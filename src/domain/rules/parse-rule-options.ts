import type { RuleCursor } from './rule-cursor';
import type { RuleOptions } from './rule-definition';
import { ACTION_WORDS, OPTION_WORDS } from './rule-keywords';

/** The lowest and highest `order`. */
export const MIN_RULE_ORDER = 1;
export const MAX_RULE_ORDER = 9999;

/** The longest `for`: a year. */
export const MAX_RULE_EXPIRY_MS = 365 * 86_400_000;

const UNIT_MS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000, m: 60_000 };
const DURATION = /^(\d{1,6})([dhm])$/i;
const AN_OPTION = 'an option: order <n>, stop, for <n>d|h|m or dry-run';

/** `order <n>`. */
function readOrder(cursor: RuleCursor): number {
  const token = cursor.next();
  const number = token.kind === 'word' && /^\d{1,6}$/.test(token.value) ? Number(token.value) : Number.NaN;
  if (!(number >= MIN_RULE_ORDER && number <= MAX_RULE_ORDER)) {
    cursor.fail(token, {
      reason: token.kind === 'end' ? undefined : `Invalid order "${token.text.slice(0, 40)}"`,
      expected: [`a whole number from ${MIN_RULE_ORDER} to ${MAX_RULE_ORDER}`],
    });
  }
  return number;
}

/** `for 7d`, `for 12h`, `for 30m`. */
function readExpiry(cursor: RuleCursor): number {
  const token = cursor.next();
  const match = token.kind === 'word' ? DURATION.exec(token.value) : null;
  const ms = match ? Number(match[1]) * (UNIT_MS[(match[2] ?? '').toLowerCase()] ?? 0) : 0;
  if (ms <= 0) {
    cursor.fail(token, {
      reason: token.kind === 'end' ? undefined : `Invalid duration "${token.text.slice(0, 40)}"`,
      expected: ['a duration such as 7d, 12h or 30m'],
    });
  }
  if (ms > MAX_RULE_EXPIRY_MS) {
    cursor.fail(token, { reason: `Duration "${token.text}" too long`, expected: ['at most 365d'] });
  }
  return ms;
}

/**
 * Parses the options after the actions, in any order, each at most once: `order <n>` (1–9999), `stop`,
 * `for <n>d|h|m` (at most a year) and `dry-run`; then expects the end of the rule.
 */
export function parseRuleOptions(cursor: RuleCursor): RuleOptions {
  const seen = new Set<string>();
  let order: number | undefined;
  let expiresInMs: number | undefined;
  while (cursor.peek().kind !== 'end') {
    if (cursor.peek().kind === 'comma' && seen.size > 0) cursor.next();
    const token = cursor.peek();
    if (!cursor.isOneOf(OPTION_WORDS)) {
      const action = cursor.isOneOf(ACTION_WORDS);
      cursor.fail(token, {
        reason: action ? `Missing "," before "${token.value}"` : undefined,
        expected: action ? ['","'] : ['","', AN_OPTION, 'end of rule'],
        candidates: OPTION_WORDS,
      });
    }
    const option = token.value.toLowerCase() === 'dryrun' ? 'dry-run' : token.value.toLowerCase();
    if (seen.has(option)) {
      cursor.fail(token, { reason: `Duplicate option "${option}"`, expected: ['each option at most once'] });
    }
    seen.add(option);
    cursor.next();
    if (option === 'order') order = readOrder(cursor);
    else if (option === 'for') expiresInMs = readExpiry(cursor);
  }
  return {
    ...(order === undefined ? {} : { order }),
    stop: seen.has('stop'),
    ...(expiresInMs === undefined ? {} : { expiresInMs }),
    dryRun: seen.has('dry-run'),
  };
}
