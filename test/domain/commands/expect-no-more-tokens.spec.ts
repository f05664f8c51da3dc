import assert from 'node:assert/strict';
import { expectNoMoreTokens } from '../../../src/domain/commands/expect-no-more-tokens';
import { argsAfter, parseErrorOf } from './command-test-helpers';

describe('expectNoMoreTokens', () => {
  it('should accept a command with nothing from the given token on', () => {
    assert.doesNotThrow(() => expectNoMoreTokens(argsAfter('alert da1', 1), 1, 'alert'));
    assert.doesNotThrow(() => expectNoMoreTokens(argsAfter('audit', 1), 0, 'audit'));
  });

  it('should point at the first token too many and quote what follows', () => {
    const error = parseErrorOf(() => expectNoMoreTokens(argsAfter('alert da1 "and more" x', 1), 1, 'alert'));
    assert.equal(error.position, 10);
    assert.equal(error.expected, 'the end of the command');
    assert.match(
      error.friendlyMessage,
      /`"and more" x`.*expected the end of the command.*`alert <alert id>`/,
    );
  });
});
