import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';
import { type CommandWithArguments, usageHint } from './command-usage';
import { endOfArguments } from './end-of-arguments';
import { quoteTyped } from './quote-typed';

/** An alert id as Defender writes them: `da…` and `ed…` for MDE, or any id of letters, digits, `_` and `-`. */
const ALERT_ID = /^[A-Za-z0-9_-]{1,128}$/;
const EXPECTED = 'an alert id';

/** Whether a text is shaped like an alert id (`da637…`, `ed…`, or 1–128 letters, digits, `_`, `-`). */
export function isAlertId(text: string): boolean {
  return ALERT_ID.test(text);
}

/** The alert id the token at `index` gives. Throws `CommandParseError` when it is missing or malformed. */
export function readAlertId(args: CommandArgs, index: number, command: CommandWithArguments): string {
  const token = args.tokens[index];
  if (token === undefined) {
    throw new CommandParseError(
      `Which alert? Expected an alert id, such as da637… from the alert card or the Defender portal. ${usageHint(command)}`,
      endOfArguments(args),
      EXPECTED,
    );
  }
  if (token.kind !== 'mention' && isAlertId(token.value)) return token.value;
  throw new CommandParseError(
    `${quoteTyped(token.raw)} is not an alert id: expected an alert id of letters, digits, _ and - (at most 128), such as da637…. ${usageHint(command)}`,
    token.position,
    EXPECTED,
  );
}
