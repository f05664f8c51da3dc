import assert from 'node:assert/strict';
import { KqlError } from '../../../src/simulator/hunting/kql-error';
import { tokenize } from '../../../src/simulator/hunting/kql-lexer';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);
const firstValue = (text: string) => tokenize(text)[0]?.value;

function lexError(text: string): KqlError {
  try {
    tokenize(text);
  } catch (error) {
    assert.ok(error instanceof KqlError, `expected a KqlError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(text)} to fail`);
}

describe('KQL lexer', () => {
  it('should split a pipeline into words, symbols and an end token with offsets', () => {
    const tokens = tokenize('T | where x >= 10');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text, t.start]),
      [
        ['word', 'T', 0],
        ['symbol', '|', 2],
        ['word', 'where', 4],
        ['word', 'x', 10],
        ['symbol', '>=', 12],
        ['number', '10', 15],
        ['eof', '', 17],
      ],
    );
  });

  it('should read both quote styles with escapes, and verbatim @ strings without them', () => {
    assert.equal(firstValue(`'it\\'s'`), "it's");
    assert.equal(firstValue('"say \\"hi\\"\\n"'), 'say "hi"\n');
    assert.equal(firstValue('@"C:\\Windows\\System32"'), 'C:\\Windows\\System32');
    assert.equal(firstValue('"C:\\Windows"'), 'C:\\Windows', 'an unknown escape keeps its backslash');
  });

  it('should read timespans in days, hours, minutes, seconds and milliseconds', () => {
    assert.equal(firstValue('1d'), 86_400_000);
    assert.equal(firstValue('2h'), 7_200_000);
    assert.equal(firstValue('30m'), 1_800_000);
    assert.equal(firstValue('10s'), 10_000);
    assert.equal(firstValue('250ms'), 250);
    assert.equal(firstValue('1.5h'), 5_400_000);
  });

  it('should tell real numbers from whole ones', () => {
    const [whole, real] = [tokenize('42')[0]!, tokenize('4.2e1')[0]!];
    assert.equal(whole.isReal, false);
    assert.equal(real.isReal, true);
    assert.equal(real.value, 42);
  });

  it('should read datetime literals with or without time, quotes and zone', () => {
    assert.equal(firstValue('datetime(2026-01-01T00:00:00Z)'), Date.parse('2026-01-01T00:00:00Z'));
    assert.equal(firstValue('datetime(2026-01-02)'), Date.parse('2026-01-02T00:00:00Z'));
    assert.equal(firstValue('datetime("2026-01-02 08:30:15.5")'), Date.parse('2026-01-02T08:30:15.500Z'));
  });

  it('should join hyphenated operators and negated or case-folded operators into one word', () => {
    assert.deepEqual(kinds('project-away a'), ['word:project-away', 'word:a', 'eof:']);
    assert.deepEqual(kinds('a-b'), ['word:a', 'symbol:-', 'word:b', 'eof:']);
    assert.deepEqual(kinds('x !contains y'), ['word:x', 'word:!contains', 'word:y', 'eof:']);
    assert.deepEqual(kinds('x !in~ (y)').slice(0, 3), ['word:x', 'word:!in~', 'symbol:(']);
    assert.deepEqual(kinds('x in~ (y)').slice(0, 2), ['word:x', 'word:in~']);
    assert.deepEqual(kinds('a != b !~ c').slice(1, 4), ['symbol:!=', 'word:b', 'symbol:!~']);
  });

  it('should skip // comments to the end of the line', () => {
    assert.deepEqual(kinds('T // all of it\n| take 1'), [
      'word:T',
      'symbol:|',
      'word:take',
      'number:1',
      'eof:',
    ]);
  });

  const failures: Array<[string, number, RegExp]> = [
    ['T | where a == "open', 15, /unterminated string literal/],
    ["T | where a == 'line\nbreak'", 15, /unterminated string literal/],
    ['T | where t > ago(5x)', 19, /expected a timespan unit \(d, h, m, s or ms\) after '5' but found 'x'/],
    [
      'T | where t > datetime(2026-02-30)',
      23,
      /expected a date such as 2026-01-01T00:00:00Z inside datetime\(\) but found '2026-02-30'/,
    ],
    ['T | where t > datetime(2026-01-01', 22, /expected '\)' to close the datetime literal/],
    ['T | where a ? b', 12, /unexpected character '\?'/],
    [
      'T | where a !foo b',
      12,
      /expected an operator such as '!=', '!~', '!contains', '!has' or '!in' but found '!foo'/,
    ],
  ];
  for (const [text, position, message] of failures) {
    it(`should reject ${JSON.stringify(text)} at position ${position}`, () => {
      const error = lexError(text);
      assert.equal(error.position, position);
      assert.match(error.message, message);
      assert.match(
        error.message,
        new RegExp(`^Syntax error at position ${position} \\(line \\d+, column \\d+\\): `),
      );
    });
  }
});
