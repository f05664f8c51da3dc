import type { CommandArgs } from '../../../domain/commands/command-args';
import { CommandParseError } from '../../../domain/commands/command-parse-error';
import { tokenizeCommand } from '../../../domain/commands/tokenize-command';

/**
 * Reads a command's arguments (as typed after its words) with one of the domain's readers and answers
 * with what `answer` says; a `CommandParseError` (an unclosed quote, a missing or malformed argument) is
 * answered with its friendly message instead. Other errors are thrown.
 */
export async function withCommandArgs<T>(
  typed: string,
  read: (args: CommandArgs) => T,
  answer: (read: T) => Promise<string>,
): Promise<string> {
  let parsed: T;
  try {
    parsed = read(tokenizeCommand(typed));
  } catch (error) {
    if (error instanceof CommandParseError) return error.friendlyMessage;
    throw error;
  }
  return answer(parsed);
}
