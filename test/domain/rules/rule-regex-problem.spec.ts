import assert from 'node:assert/strict';
import { findRiskyRepetition } from '../../../src/domain/rules/find-risky-repetition';
import { canonicalRegexFlags, ruleRegexProblem } from '../../../src/domain/rules/rule-regex-problem';

describe('findRiskyRepetition', () => {
  for (const pattern of [
    '(a+)+',
    '(a*)*',
    '(\\d+)*$',
    '(a{1,3})+',
    '((ab)+c)+',
    '(?:x+y)+',
    '(a?){2,}',
    '(a|aa)+',
    '(x|y)*z',
    '(a)\\1',
    '(?<n>a)\\k<n>',
    '(a+){2}',
  ]) {
    it(`should find ${pattern} risky`, () => {
      assert.notEqual(findRiskyRepetition(pattern), undefined);
    });
  }

  for (const pattern of [
    'mimikatz',
    'a+b+c*',
    '(ab)+',
    '(a+)?',
    '(a+)',
    '[(a+)]+',
    '\\(a+\\)+',
    '(?:mimi|kiwi)katz',
    'x{2}y{1,}',
    '(a+)b(c*)',
    '(?=a+)b',
    '(a){1}',
  ]) {
    it(`should find ${pattern} safe`, () => {
      assert.equal(findRiskyRepetition(pattern), undefined);
    });
  }
});

describe('ruleRegexProblem', () => {
  it('should accept a sound pattern', () => {
    assert.equal(ruleRegexProblem('mimi(katz)?', 'i'), undefined);
  });

  it('should refuse an empty, long, badly flagged, risky or invalid pattern', () => {
    assert.match(ruleRegexProblem('', '')?.reason ?? '', /Empty/);
    assert.match(ruleRegexProblem('a'.repeat(201), '')?.reason ?? '', /too long/);
    assert.equal(ruleRegexProblem('a'.repeat(200), ''), undefined);
    assert.match(ruleRegexProblem('a', 'g')?.reason ?? '', /flag "g"/);
    assert.match(ruleRegexProblem('a', 'ii')?.reason ?? '', /flag "i"/);
    assert.match(ruleRegexProblem('(a+)+', '')?.reason ?? '', /run for ever/);
    assert.match(ruleRegexProblem('a[', '')?.reason ?? '', /Invalid regular expression/);
    assert.match(ruleRegexProblem('a{', 'u')?.reason ?? '', /Invalid regular expression/);
  });

  it('should order flags canonically', () => {
    assert.deepEqual(canonicalRegexFlags('usi'), { flags: 'isu' });
    assert.deepEqual(canonicalRegexFlags('y'), { bad: 'y' });
  });
});
