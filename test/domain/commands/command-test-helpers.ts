import assert from 'node:assert/strict';
import type { CommandArgs } from '../../../src/domain/commands/command-args';
import { COMMAND_PARSE, CommandParseError } from '../../../src/domain/commands/command-parse-error';
import { tokenizeCommand } from '../../../src/domain/commands/tokenize-command';

/** The arguments of a typed command whose name has `words` words: `argsAfter('alert da1', 1)`. */
export function argsAfter(text: string, words: number): CommandArgs {
  const tokenized = tokenizeCommand(text);
  return { text: tokenized.text, tokens: tokenized.tokens.slice(words) };
}

/** The `CommandParseError` that `read` throws; fails the test when it returns or throws anything else. */
export function parseErrorOf(read: () => unknown): CommandParseError {
  try {
    read();
  } catch (error) {
    assert.ok(error instanceof CommandParseError, `expected a CommandParseError, got ${String(error)}`);
    assert.equal(error.code, COMMAND_PARSE);
    assert.equal(error.details.position, error.position);
    assert.equal(error.details.expected, error.expected);
    return error;
  }
  assert.fail('expected a CommandParseError, but nothing was thrown');
}

/**
 * Checks that a reader rejects a command: the error points at `position` and its message says what
 * was expected (`expected` is found in both the message and the error's `expected`).
 */
export function assertRejects(
  read: (args: CommandArgs) => unknown,
  text: string,
  words: number,
  position: number,
  expected: RegExp,
): CommandParseError {
  const error = parseErrorOf(() => read(argsAfter(text, words)));
  assert.equal(error.position, position, `position for ${JSON.stringify(text)}: ${error.friendlyMessage}`);
  assert.match(error.friendlyMessage, expected, `message for ${JSON.stringify(text)}`);
  assert.match(error.expected, expected, `expected for ${JSON.stringify(text)}`);
  return error;
}
