import assert from 'node:assert/strict';
import type { CommandArgs } from '../../../src/domain/commands/command-args';
import { type RuleIdCommand, readRuleIdArgs } from '../../../src/domain/commands/read-rule-id-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

const COMMANDS: readonly RuleIdCommand[] = ['rule remove', 'rule enable', 'rule disable'];

describe('readRuleIdArgs', () => {
  for (const command of COMMANDS) {
    const read = (args: CommandArgs) => readRuleIdArgs(args, command);
    const length = command.length;

    it(`should read ${command} r-7`, () => {
      assert.deepEqual(read(argsAfter(`${command} r-7`, 2)), { ruleId: 'r-7' });
    });

    const malformed: [string, number, RegExp][] = [
      [command, length, /a rule id/],
      [`${command} r 7`, length + 3, /the end of the command/],
      [`${command} r.7`, length + 1, /a rule id/],
    ];
    for (const [text, position, expected] of malformed) {
      it(`should reject ${JSON.stringify(text)} at ${position}, naming the ${command} usage`, () => {
        const error = assertRejects(read, text, 2, position, expected);
        assert.ok(error.friendlyMessage.includes(`\`${command} <rule id>\``), error.friendlyMessage);
      });
    }

    it(`should only ever fail with the parse error, and quickly, on any text (${command})`, () => {
      readsAnyTextSafely(read, command);
    });
  }
});
