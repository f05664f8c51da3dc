import type { CommandArgs } from './command-args';
import { expectNoMoreTokens } from './expect-no-more-tokens';
import { readRuleId } from './read-rule-id';

/** The rule commands that take only a rule id. */
export type RuleIdCommand = 'rule remove' | 'rule enable' | 'rule disable';

/** `rule remove|enable|disable <id>`, read. */
export interface RuleIdArgs {
  readonly ruleId: string;
}

/** Reads `rule remove|enable|disable <id>`. Throws `CommandParseError` when the id is missing or malformed, or more follows. */
export function readRuleIdArgs(args: CommandArgs, command: RuleIdCommand): RuleIdArgs {
  const ruleId = readRuleId(args, 0, command);
  expectNoMoreTokens(args, 1, command);
  return { ruleId };
}
