import { VigilError } from '../errors/vigil-error';

/** The code of every error a typed command's text can cause. */
export const COMMAND_PARSE = 'COMMAND.PARSE';

/**
 * A typed command Vigil cannot read: an unclosed quote, a missing or malformed argument, a word too many.
 * `position` is the 0-based offset in the command's text (after `&nbsp;` became a space) where the
 * problem is; `expected` names what should be there. The friendly message says both in words.
 */
export class CommandParseError extends VigilError {
  readonly position: number;
  readonly expected: string;

  constructor(friendlyMessage: string, position: number, expected: string) {
    super(COMMAND_PARSE, friendlyMessage, { details: { position, expected } });
    this.position = position;
    this.expected = expected;
  }
}
