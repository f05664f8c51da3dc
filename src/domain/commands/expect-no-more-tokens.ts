import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';
import { type CommandWithArguments, usageHint } from './command-usage';
import { quoteTyped } from './quote-typed';

/** Throws `CommandParseError` at the token at `from`, if there is one: the command takes nothing more. */
export function expectNoMoreTokens(args: CommandArgs, from: number, command: CommandWithArguments): void {
  const extra = args.tokens[from];
  if (extra === undefined) return;
  throw new CommandParseError(
    `I did not expect ${quoteTyped(args.text.slice(extra.position).trimEnd())} after \`${command}\`'s arguments: expected the end of the command. ${usageHint(command)}`,
    extra.position,
    'the end of the command',
  );
}
