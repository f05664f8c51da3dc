import assert from 'node:assert/strict';
import { matchGlob } from '../../../src/domain/rules/match-glob';

describe('matchGlob', () => {
  const cases: readonly [string, string, boolean][] = [
    ['ws-*', 'ws-042', true],
    ['ws-*', 'WS-042.contoso.com', true],
    ['ws-*', 'dc-01', false],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['db-??', 'db-01', true],
    ['db-??', 'db-1', false],
    ['*01', 'dc01', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXbY', false],
    ['*.contoso.com', 'ws-1.contoso.com', true],
    ['ws-1', 'ws-1', true],
    ['ws-1', 'ws-10', false],
  ];
  for (const [pattern, text, expected] of cases) {
    it(`should say ${JSON.stringify(text)} ${expected ? 'matches' : 'does not match'} ${pattern}`, () => {
      assert.equal(matchGlob(pattern, text), expected);
    });
  }

  it('should stay fast on many stars', () => {
    const started = Date.now();
    assert.equal(matchGlob(`${'*a'.repeat(30)}b`, 'a'.repeat(5000)), false);
    assert.ok(Date.now() - started < 500);
  });
});
