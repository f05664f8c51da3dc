import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';

/** The longest reason or comment a command takes, in characters. */
export const FREE_TEXT_MAX = 1000;

/**
 * The rest of the command from the token at `index`, exactly as typed (quotes and mention markup kept,
 * trailing spaces dropped): a reason or a comment. `undefined` when nothing is there. Throws
 * `CommandParseError`, pointing at the first character too many, when it is over `FREE_TEXT_MAX`.
 */
export function readFreeText(
  args: CommandArgs,
  index: number,
  what: 'reason' | 'comment',
): string | undefined {
  const token = args.tokens[index];
  if (token === undefined) return undefined;
  const text = args.text.slice(token.position).trimEnd();
  if (text.length > FREE_TEXT_MAX) {
    throw new CommandParseError(
      `The ${what} is ${text.length} characters long: expected a ${what} of at most 1,000 characters. Shorten it and send the command again.`,
      token.position + FREE_TEXT_MAX,
      `a ${what} of at most 1,000 characters`,
    );
  }
  return text;
}
