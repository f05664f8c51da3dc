import fc from 'fast-check';
import type { CommandArgs } from '../../../src/domain/commands/command-args';
import { COMMAND_NAMES } from '../../../src/domain/commands/command-names';
import { CommandParseError } from '../../../src/domain/commands/command-parse-error';
import { tokenizeCommand } from '../../../src/domain/commands/tokenize-command';

/** Pieces of Vigil's grammar: command words, keywords, ids, quotes, escapes, mention markup, spaces. */
const PIECES = [
  ...COMMAND_NAMES,
  'informational',
  'low',
  'medium',
  'HIGH',
  'open',
  'all',
  'full',
  'selective',
  'quick',
  'tp',
  'fp',
  'true-positive',
  'falsepositive',
  'viewer',
  'responder',
  'admin',
  '7',
  '90',
  '91',
  '0',
  'ws-042',
  'ws-042.contoso.local',
  'da637551234567890_-123456',
  'ed1234',
  '9f1c2a0b3d4e5f60718293a4b5c6d7e8f9012345',
  '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  '"',
  "'",
  '\u201C',
  '\u201D',
  '\u2018',
  '\u2019',
  '\\',
  '\\"',
  '<at>',
  '</at>',
  '<AT id="0">',
  '<at>Alice Smith</at>',
  '&nbsp;',
  '&NBSP;',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00A0',
  '<',
  '>',
];

/** Arbitrary strings, from any Unicode to sequences of the grammar's own pieces. */
export const commandTextArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 40 })
    .map((pieces) => pieces.join('')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(' ')),
);

/** How long one call may take on the arbitrary strings above: far more than it needs, far less than a hang. */
export const QUICK_MS = 200;

/**
 * Runs `work`, returning whether it finished within `QUICK_MS` and threw nothing but a
 * `CommandParseError` (whose position lies within `text`).
 */
export function failsOnlyAsParseError(text: string, work: () => unknown): boolean {
  const started = performance.now();
  try {
    work();
  } catch (error) {
    if (!(error instanceof CommandParseError)) return false;
    if (!Number.isInteger(error.position) || error.position < 0 || error.position > text.length) return false;
  }
  return performance.now() - started < QUICK_MS;
}

/**
 * A property: reading the arguments of any text (after the first `words` tokens) with `read` fails with
 * nothing but the parse error, quickly. The text is also tried with the command's name in front.
 */
export function readsAnyTextSafely(read: (args: CommandArgs) => unknown, command: string): void {
  const words = command.split(' ').length;
  fc.assert(
    fc.property(commandTextArbitrary, fc.boolean(), (tail, named) => {
      const text = named ? `${command} ${tail}` : tail;
      return failsOnlyAsParseError(text, () => {
        const tokenized = tokenizeCommand(text);
        return read({ text: tokenized.text, tokens: tokenized.tokens.slice(named ? words : 0) });
      });
    }),
  );
}
