import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CommandToken } from '../../../src/domain/commands/command-token';
import { tokenizeCommand } from '../../../src/domain/commands/tokenize-command';
import { parseErrorOf } from './command-test-helpers';
import { commandTextArbitrary, failsOnlyAsParseError } from './command-text-arbitrary';

/** The tokens as `[kind, value, raw, position]`, for short tables. */
function shapes(text: string): [string, string, string, number][] {
  return tokenizeCommand(text).tokens.map((token: CommandToken) => [
    token.kind,
    token.value,
    token.raw,
    token.position,
  ]);
}

describe('tokenizeCommand', () => {
  it('should split bare words on any whitespace, with their positions', () => {
    assert.deepEqual(shapes('  alert\tda123 \n x'), [
      ['word', 'alert', 'alert', 2],
      ['word', 'da123', 'da123', 8],
      ['word', 'x', 'x', 16],
    ]);
  });

  it('should give nothing for an empty or blank message', () => {
    assert.deepEqual(tokenizeCommand('').tokens, []);
    assert.deepEqual(tokenizeCommand(' \t\n&nbsp;\u00A0').tokens, []);
  });

  const quoted: [string, string, string][] = [
    ['"two words"', 'two words', '"two words"'],
    ["'single quotes'", 'single quotes', "'single quotes'"],
    ['\u201Csmart double\u201D', 'smart double', '\u201Csmart double\u201D'],
    ['\u2018smart single\u2019', 'smart single', '\u2018smart single\u2019'],
    ['\u201Dright only\u201D', 'right only', '\u201Dright only\u201D'],
    ['"say \\"hi\\""', 'say "hi"', '"say \\"hi\\""'],
    ['"C:\\\\Temp\\\\"', 'C:\\Temp\\', '"C:\\\\Temp\\\\"'],
    ['"C:\\Temp"', 'C:\\Temp', '"C:\\Temp"'],
    ["'it\\'", 'it\\', "'it\\'"],
    ['""', '', '""'],
    ['"it\'s"', "it's", '"it\'s"'],
    ['\'say "hi"\'', 'say "hi"', '\'say "hi"\''],
  ];
  for (const [text, value, raw] of quoted) {
    it(`should read ${text} as one quoted token without its quotes`, () => {
      assert.deepEqual(shapes(text), [['quoted', value, raw, 0]]);
    });
  }

  it('should end a quoted token at its closing quote, and start the next token there', () => {
    assert.deepEqual(shapes('a "b c"d e'), [
      ['word', 'a', 'a', 0],
      ['quoted', 'b c', '"b c"', 2],
      ['word', 'd', 'd', 7],
      ['word', 'e', 'e', 9],
    ]);
  });

  it('should keep a quote inside a word as part of the word', () => {
    assert.deepEqual(shapes('don\'t it\u2019s a"b'), [
      ['word', "don't", "don't", 0],
      ['word', 'it\u2019s', 'it\u2019s', 6],
      ['word', 'a"b', 'a"b', 11],
    ]);
  });

  it('should turn &nbsp; (any case) into a space, and count positions in the text with spaces', () => {
    const tokenized = tokenizeCommand('role&nbsp;grant&NBSP;x&#160;y');
    assert.equal(tokenized.text, 'role grant x y');
    assert.deepEqual(
      tokenized.tokens.map((token) => [token.value, token.position]),
      [
        ['role', 0],
        ['grant', 5],
        ['x', 11],
        ['y', 13],
      ],
    );
  });

  it('should turn &nbsp; inside a quoted string into a space too', () => {
    assert.deepEqual(shapes('"a&nbsp;b"'), [['quoted', 'a b', '"a b"', 0]]);
  });

  it('should keep mention markup as one mention token, spaces and all', () => {
    assert.deepEqual(shapes('role grant <at>Alice Smith</at> admin'), [
      ['word', 'role', 'role', 0],
      ['word', 'grant', 'grant', 5],
      ['mention', 'Alice Smith', '<at>Alice Smith</at>', 11],
      ['word', 'admin', 'admin', 32],
    ]);
  });

  it('should read mention markup in any case and with attributes', () => {
    assert.deepEqual(shapes('<AT id="0">Vigil</At>'), [['mention', 'Vigil', '<AT id="0">Vigil</At>', 0]]);
  });

  it('should split a mention from words touching it', () => {
    assert.deepEqual(shapes('x<at>Bob</at>help'), [
      ['word', 'x', 'x', 0],
      ['mention', 'Bob', '<at>Bob</at>', 1],
      ['word', 'help', 'help', 13],
    ]);
  });

  it('should keep quotes inside mention markup, and mention markup inside quotes, as text', () => {
    assert.deepEqual(shapes('<at>O\'Brien "x</at> "<at>A</at>"'), [
      ['mention', 'O\'Brien "x', '<at>O\'Brien "x</at>', 0],
      ['quoted', '<at>A</at>', '"<at>A</at>"', 20],
    ]);
  });

  it('should take an <at> that is never closed as an ordinary word', () => {
    assert.deepEqual(shapes('<at>Alice help'), [
      ['word', '<at>Alice', '<at>Alice', 0],
      ['word', 'help', 'help', 10],
    ]);
    assert.deepEqual(shapes('</at> <a>'), [
      ['word', '</at>', '</at>', 0],
      ['word', '<a>', '<a>', 6],
    ]);
  });

  const unterminated: [string, number, string][] = [
    ['resolve da1 "no end', 12, '"'],
    ["isolate ws-1 'reason", 13, "'"],
    ['x \u201Csmart', 2, '\u201D'],
    ['x \u2018smart\u2018', 2, '\u2019'],
    ['"escaped end\\"', 0, '"'],
    ['a&nbsp;"b', 2, '"'],
    ['ok "done" "', 10, '"'],
  ];
  for (const [text, position, closer] of unterminated) {
    it(`should reject ${JSON.stringify(text)}, pointing at the quote that is never closed`, () => {
      const error = parseErrorOf(() => tokenizeCommand(text));
      assert.equal(error.position, position);
      assert.equal(error.expected, `a closing ${closer}`);
      assert.ok(
        error.friendlyMessage.includes(`character ${position + 1}`),
        `message names the character: ${error.friendlyMessage}`,
      );
      assert.ok(
        error.friendlyMessage.includes(`with ${closer}`),
        `message says what closes it: ${error.friendlyMessage}`,
      );
    });
  }

  it('should quote where the unclosed text starts, cut short when long', () => {
    const error = parseErrorOf(() => tokenizeCommand(`isolate ws-1 "${'x'.repeat(100)}`));
    assert.ok(error.friendlyMessage.includes(`\`"${'x'.repeat(39)}…\``), error.friendlyMessage);
  });

  it('should read a long message of many unclosed mentions and quotes-in-words quickly', () => {
    const text = `${'<at>x <AT id="1">y '.repeat(20_000)} ${"a'b ".repeat(20_000)}`;
    const started = performance.now();
    const tokens = tokenizeCommand(text).tokens;
    assert.ok(tokens.length > 40_000);
    assert.ok(performance.now() - started < 1000, 'tokenizing took a second or more');
  });

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    fc.assert(
      fc.property(commandTextArbitrary, (text) => failsOnlyAsParseError(text, () => tokenizeCommand(text))),
    );
  });

  it('should give tokens in order, not overlapping, each raw text found at its position', () => {
    fc.assert(
      fc.property(commandTextArbitrary, (typed) => {
        let tokenized: ReturnType<typeof tokenizeCommand>;
        try {
          tokenized = tokenizeCommand(typed);
        } catch {
          return true;
        }
        let after = 0;
        for (const token of tokenized.tokens) {
          if (token.position < after || token.raw === '') return false;
          if (tokenized.text.slice(token.position, token.position + token.raw.length) !== token.raw)
            return false;
          if (token.kind === 'word' && token.value !== token.raw) return false;
          after = token.position + token.raw.length;
        }
        return !/&nbsp;/i.test(tokenized.text);
      }),
    );
  });

  it('should read back any text that is quoted and escaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        const plain = value.replace(/&/g, '+');
        const escaped = plain.replace(/[\\"]/g, '\\$&');
        const tokens = tokenizeCommand(`alert "${escaped}"`).tokens;
        return tokens.length === 2 && tokens[1]?.kind === 'quoted' && tokens[1].value === plain;
      }),
    );
  });
});
