import assert from 'node:assert/strict';
import { readRuleId } from '../../../src/domain/commands/read-rule-id';
import { argsAfter, assertRejects } from './command-test-helpers';

describe('readRuleId', () => {
  const valid = ['r1', 'isolate-high_7', 'R'.repeat(64)];
  for (const typed of valid) {
    it(`should read ${typed.slice(0, 20)} as a rule id`, () => {
      assert.equal(readRuleId(argsAfter(`rule remove ${typed}`, 2), 0, 'rule remove'), typed);
    });
  }

  const read = (args: Parameters<typeof readRuleId>[0]) => readRuleId(args, 0, 'rule enable');
  const malformed: [string, number][] = [
    ['rule enable', 11],
    ['rule enable r.1', 12],
    [`rule enable ${'r'.repeat(65)}`, 12],
    ['rule enable <at>r1</at>', 12],
    ["rule enable 'r 1'", 12],
  ];
  for (const [text, position] of malformed) {
    it(`should reject ${JSON.stringify(text.slice(0, 40))} at ${position}, expecting a rule id`, () => {
      const error = assertRejects(read, text, 2, position, /a rule id/);
      assert.match(error.friendlyMessage, /`rule enable <rule id>`/);
    });
  }
});
