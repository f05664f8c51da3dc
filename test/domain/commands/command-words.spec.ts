import assert from 'node:assert/strict';
import { commandWords } from '../../../src/domain/commands/command-words';

describe('commandWords', () => {
  it('should split a name into lower-case words on any whitespace', () => {
    assert.deepEqual(commandWords('  Role \t GRANT '), ['role', 'grant']);
    assert.deepEqual(commandWords('help'), ['help']);
  });

  it('should give no words for a blank name', () => {
    assert.deepEqual(commandWords(''), []);
    assert.deepEqual(commandWords(' \n '), []);
  });
});
