import assert from 'node:assert/strict';
import { normalizeCommandSpaces } from '../../../src/domain/commands/normalize-command-spaces';

describe('normalizeCommandSpaces', () => {
  it('should turn &nbsp; in any case, and its numeric forms, into a space', () => {
    assert.equal(normalizeCommandSpaces('a&nbsp;b&NBSP;c&#160;d&#xA0;e'), 'a b c d e');
  });

  it('should leave everything else as it is', () => {
    assert.equal(normalizeCommandSpaces('a&amp;b &nbsp x  <at>y</at>'), 'a&amp;b &nbsp x  <at>y</at>');
  });
});
