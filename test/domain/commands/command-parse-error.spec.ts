import assert from 'node:assert/strict';
import { COMMAND_PARSE, CommandParseError } from '../../../src/domain/commands/command-parse-error';
import { isVigilError, VigilError } from '../../../src/domain/errors/vigil-error';

describe('CommandParseError', () => {
  it('should be a VigilError with the code COMMAND.PARSE', () => {
    const error = new CommandParseError('Which machine?', 8, 'a machine name or id');
    assert.ok(error instanceof VigilError);
    assert.equal(COMMAND_PARSE, 'COMMAND.PARSE');
    assert.ok(isVigilError(error, 'COMMAND.PARSE'));
    assert.equal(error.name, 'CommandParseError');
  });

  it('should carry the position and what was expected, also in its details', () => {
    const error = new CommandParseError('Which machine?', 8, 'a machine name or id');
    assert.equal(error.position, 8);
    assert.equal(error.expected, 'a machine name or id');
    assert.deepEqual(error.details, { position: 8, expected: 'a machine name or id' });
    assert.equal(error.friendlyMessage, 'Which machine?');
    assert.equal(error.message, 'Which machine?');
  });
});
