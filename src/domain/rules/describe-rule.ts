import { describeCondition } from './describe-condition';
import { describeRuleAction } from './describe-rule-action';
import { quoteRuleText } from './quote-rule-text';
import type { RuleDefinition, RuleOptions } from './rule-definition';

const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
];

/** `7d`, `36h`, `90m`: the largest unit that divides the duration (minutes rounded up otherwise). */
function describeDuration(ms: number): string {
  for (const [unit, size] of UNITS) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${Math.max(1, Math.ceil(ms / 60_000))}m`;
}

/** The options in canonical order: `order 10 stop for 7d dry-run`, each only when set. */
function describeOptions(options: RuleOptions): string {
  const words: string[] = [];
  if (options.order !== undefined) words.push(`order ${options.order}`);
  if (options.stop) words.push('stop');
  if (options.expiresInMs !== undefined) words.push(`for ${describeDuration(options.expiresInMs)}`);
  if (options.dryRun) words.push('dry-run');
  return words.map((word) => ` ${word}`).join('');
}

/**
 * A rule in canonical form on one line, e.g.
 * `"High sev isolate" when severity = high then isolate full, notify channel order 10 stop`.
 * `parseRule(describeRule(d))` equals `d` for every `d` that `parseRule` made.
 */
export function describeRule(definition: Omit<RuleDefinition, 'source'>): string {
  const actions = definition.actions.map(describeRuleAction).join(', ');
  return `${quoteRuleText(definition.name)} when ${describeCondition(definition.condition)} then ${actions}${describeOptions(definition.options)}`;
}
