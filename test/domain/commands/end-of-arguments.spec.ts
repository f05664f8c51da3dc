import assert from 'node:assert/strict';
import { endOfArguments } from '../../../src/domain/commands/end-of-arguments';

describe('endOfArguments', () => {
  it('should point just after the last character typed, trailing spaces ignored', () => {
    assert.equal(endOfArguments({ text: 'isolate', tokens: [] }), 7);
    assert.equal(endOfArguments({ text: 'isolate   \n', tokens: [] }), 7);
    assert.equal(endOfArguments({ text: '', tokens: [] }), 0);
  });
});
