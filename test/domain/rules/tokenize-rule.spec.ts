import assert from 'node:assert/strict';
import { RuleParseError } from '../../../src/domain/rules/rule-parse-error';
import { tokenizeRule } from '../../../src/domain/rules/tokenize-rule';

const kinds = (text: string) => tokenizeRule(text).map((token) => [token.kind, token.value, token.position]);

describe('tokenizeRule', () => {
  it('should split words, operators, parentheses and commas, with positions', () => {
    assert.deepEqual(kinds('a when(x>=1)then b,c'), [
      ['word', 'a', 0],
      ['word', 'when', 2],
      ['lparen', '(', 6],
      ['word', 'x', 7],
      ['operator', '>=', 8],
      ['word', '1', 10],
      ['rparen', ')', 11],
      ['word', 'then', 12],
      ['word', 'b', 17],
      ['comma', ',', 18],
      ['word', 'c', 19],
      ['end', '', 20],
    ]);
  });

  it('should read every operator, and == as =', () => {
    assert.deepEqual(
      tokenizeRule('= != < <= > >= ~ ==')
        .filter((token) => token.kind === 'operator')
        .map((token) => token.value),
      ['=', '!=', '<', '<=', '>', '>=', '~', '='],
    );
  });

  it('should keep e-mail addresses, globs, durations and dry-run as one word', () => {
    assert.deepEqual(
      tokenizeRule("secops@contoso.com ws-* db-?? 7d dry-run T1059.001 don't")
        .filter((token) => token.kind === 'word')
        .map((token) => token.value),
      ['secops@contoso.com', 'ws-*', 'db-??', '7d', 'dry-run', 'T1059.001', "don't"],
    );
  });

  it('should read every kind of quote, with escapes', () => {
    const strings = tokenizeRule('"a \\"b\\"" \'c\' “d” ”e” ‘f’ ’g’ "h\\\\i" "C:\\x"')
      .filter((token) => token.kind === 'string')
      .map((token) => token.value);
    assert.deepEqual(strings, ['a "b"', 'c', 'd', 'e', 'f', 'g', 'h\\i', 'C:\\x']);
  });

  it('should read a regex only right after ~, with its flags', () => {
    const [, , regex] = tokenizeRule('title ~ /a\\/b[/]c/im then');
    assert.deepEqual(regex, {
      kind: 'regex',
      text: '/a\\/b[/]c/im',
      value: 'a\\/b[/]c',
      flags: 'im',
      position: 8,
    });
    assert.equal(tokenizeRule('title = /a/')[2]?.kind, 'word');
  });

  it('should throw a RuleParseError on an unterminated quote or regex, or a lone !', () => {
    for (const text of ['"abc', "'abc", '“abc', 'title ~ /abc', 'a ! b']) {
      assert.throws(() => tokenizeRule(text), RuleParseError, text);
    }
  });
});
