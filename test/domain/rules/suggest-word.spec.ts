import assert from 'node:assert/strict';
import { editDistance } from '../../../src/domain/rules/edit-distance';
import { suggestWord } from '../../../src/domain/rules/suggest-word';

describe('editDistance', () => {
  it('should count insertions, deletions, substitutions and swaps', () => {
    assert.equal(editDistance('', ''), 0);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('severty', 'severity'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('whne', 'when'), 1);
  });
});

describe('suggestWord', () => {
  const fields = ['severity', 'category', 'title', 'machine.tag'];

  it('should suggest the closest near candidate, ignoring case', () => {
    assert.equal(suggestWord('SEVERTY', fields), 'severity');
    assert.equal(suggestWord('catgory', fields), 'category');
    assert.equal(suggestWord('machine.tags', fields), 'machine.tag');
  });

  it('should not suggest a far word, an exact one, or anything for an empty or huge word', () => {
    assert.equal(suggestWord('zebra', fields), undefined);
    assert.equal(suggestWord('title', fields), undefined);
    assert.equal(suggestWord('', fields), undefined);
    assert.equal(suggestWord('x'.repeat(1000), fields), undefined);
  });
});
