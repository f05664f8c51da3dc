import assert from 'node:assert/strict';
import { AppPackageError } from '../../../../src/adapters/teams/manifest/app-package-error';
import { fillPlaceholders } from '../../../../src/adapters/teams/manifest/fill-placeholders';

describe('fillPlaceholders', () => {
  it('should put whole-string placeholders as values and interpolate the others as text', () => {
    const filled = fillPlaceholders(
      { id: '{{ID}}', list: '{{LIST}}', url: 'https://example.com/{{ID}}/x', n: 3, nested: ['{{ID}}', true] },
      { ID: 'abc', LIST: [{ a: 1 }] },
    );
    assert.deepEqual(filled, {
      id: 'abc',
      list: [{ a: 1 }],
      url: 'https://example.com/abc/x',
      n: 3,
      nested: ['abc', true],
    });
  });

  it('should report every unknown placeholder at once, with its JSON path', () => {
    try {
      fillPlaceholders({ a: '{{NOPE}}', b: { c: ['x {{ALSO_NOPE}}'] } }, { ID: 'abc' });
      assert.fail('expected an AppPackageError');
    } catch (error) {
      assert.ok(error instanceof AppPackageError);
      assert.equal(error.code, 'TEAMS_APP.INVALID_PACKAGE');
      assert.equal(error.problems.length, 2);
      assert.match(error.problems[0]!, /^\/a: \{\{NOPE\}\} has no value/);
      assert.match(error.problems[1]!, /^\/b\/c\/0: \{\{ALSO_NOPE\}\} has no value/);
    }
  });
});
