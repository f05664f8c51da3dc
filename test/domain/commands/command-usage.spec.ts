import assert from 'node:assert/strict';
import { COMMAND_NAMES } from '../../../src/domain/commands/command-names';
import {
  COMMAND_USAGE,
  type CommandWithArguments,
  usageHint,
} from '../../../src/domain/commands/command-usage';

describe('COMMAND_USAGE', () => {
  it('should start each usage with its command and name only known commands', () => {
    for (const [command, usage] of Object.entries(COMMAND_USAGE)) {
      assert.ok((COMMAND_NAMES as readonly string[]).includes(command), command);
      assert.ok(usage.startsWith(`${command} `), usage);
    }
  });

  it('should give the usage as a hint to type it', () => {
    const command: CommandWithArguments = 'scan';
    assert.equal(usageHint(command), 'Type `scan <machine> [quick|full]`.');
  });
});
