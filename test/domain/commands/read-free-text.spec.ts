import assert from 'node:assert/strict';
import { FREE_TEXT_MAX, readFreeText } from '../../../src/domain/commands/read-free-text';
import { argsAfter, parseErrorOf } from './command-test-helpers';

describe('readFreeText', () => {
  const texts: [string, string | undefined][] = [
    ['unisolate ws-1', undefined],
    ['unisolate ws-1   ', undefined],
    ['unisolate ws-1 all clear', 'all clear'],
    ['unisolate ws-1 "all"  clear  ', '"all"  clear'],
    ["unisolate ws-1 \u201Cok\u201D it's <at>Bob</at> said", "\u201Cok\u201D it's <at>Bob</at> said"],
    ['unisolate ws-1 a&nbsp;&nbsp;b', 'a  b'],
    ['unisolate ws-1 line one\nline two', 'line one\nline two'],
  ];
  for (const [text, reason] of texts) {
    it(`should read the rest of ${JSON.stringify(text)} as typed`, () => {
      assert.equal(readFreeText(argsAfter(text, 1), 1, 'reason'), reason);
    });
  }

  it('should take up to 1,000 characters', () => {
    assert.equal(FREE_TEXT_MAX, 1000);
    const reason = `${'y'.repeat(499)} ${'z'.repeat(500)}`;
    assert.equal(readFreeText(argsAfter(`unisolate ws-1 ${reason}`, 1), 1, 'reason'), reason);
  });

  it('should reject a longer text, pointing at the first character too many', () => {
    const error = parseErrorOf(() =>
      readFreeText(argsAfter(`resolve da1 ${'c'.repeat(1001)}`, 1), 1, 'comment'),
    );
    assert.equal(error.position, 12 + 1000);
    assert.equal(error.expected, 'a comment of at most 1,000 characters');
    assert.match(
      error.friendlyMessage,
      /1001 characters long: expected a comment of at most 1,000 characters/,
    );
  });
});
