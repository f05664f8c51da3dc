import assert from 'node:assert/strict';
import { COMMAND_NAMES } from '../../../src/domain/commands/command-names';
import { commandWords } from '../../../src/domain/commands/command-words';

describe('COMMAND_NAMES', () => {
  it("should hold the contract's commands, each once", () => {
    assert.equal(new Set(COMMAND_NAMES).size, COMMAND_NAMES.length);
    assert.equal(COMMAND_NAMES.length, 22);
    for (const name of ['help', 'isolate', 'rule test', 'role grant', 'channel here', 'digest']) {
      assert.ok((COMMAND_NAMES as readonly string[]).includes(name), name);
    }
  });

  it('should write every name in lower case, single-spaced, in one or two words', () => {
    for (const name of COMMAND_NAMES) {
      assert.equal(commandWords(name).join(' '), name);
      assert.ok(commandWords(name).length <= 2, name);
    }
  });
});
