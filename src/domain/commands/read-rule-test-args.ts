import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';
import { usageHint } from './command-usage';
import { expectNoMoreTokens } from './expect-no-more-tokens';
import { quoteTyped } from './quote-typed';
import { readRuleId } from './read-rule-id';

/** How many days back `rule test` looks when none is typed, and the range it accepts. */
export const RULE_TEST_DAYS = { default: 7, min: 1, max: 90 } as const;

/** `rule test <id> [days]`, read. */
export interface RuleTestArgs {
  readonly ruleId: string;
  readonly days: number;
}

const WHOLE_NUMBER = /^[0-9]{1,6}$/;

/** Reads `rule test <id> [days]` (days a whole number from 1 to 90, 7 if absent). Throws `CommandParseError` when either is malformed, or more follows. */
export function readRuleTestArgs(args: CommandArgs): RuleTestArgs {
  const ruleId = readRuleId(args, 0, 'rule test');
  const token = args.tokens[1];
  if (token === undefined) return { ruleId, days: RULE_TEST_DAYS.default };
  const days = token.kind !== 'mention' && WHOLE_NUMBER.test(token.value) ? Number(token.value) : undefined;
  if (days === undefined || days < RULE_TEST_DAYS.min || days > RULE_TEST_DAYS.max) {
    throw new CommandParseError(
      `${quoteTyped(token.raw)} is not a number of days Vigil can test over: expected a whole number of days from 1 to 90. ${usageHint('rule test')}`,
      token.position,
      'a whole number of days from 1 to 90',
    );
  }
  expectNoMoreTokens(args, 2, 'rule test');
  return { ruleId, days };
}
