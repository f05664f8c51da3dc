import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';
import { type CommandWithArguments, usageHint } from './command-usage';
import { endOfArguments } from './end-of-arguments';
import { quoteTyped } from './quote-typed';

/** A rule id: 1–64 letters, digits, `_` and `-`. */
const RULE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EXPECTED = 'a rule id';

/** The rule id the token at `index` gives (as `rules` lists it). Throws `CommandParseError` when missing or malformed. */
export function readRuleId(args: CommandArgs, index: number, command: CommandWithArguments): string {
  const token = args.tokens[index];
  if (token === undefined) {
    throw new CommandParseError(
      `Which rule? Expected a rule id, as \`rules\` lists them. ${usageHint(command)}`,
      endOfArguments(args),
      EXPECTED,
    );
  }
  if (token.kind !== 'mention' && RULE_ID.test(token.value)) return token.value;
  throw new CommandParseError(
    `${quoteTyped(token.raw)} is not a rule id: expected a rule id of letters, digits, _ and - (at most 64), as \`rules\` lists them. ${usageHint(command)}`,
    token.position,
    EXPECTED,
  );
}
