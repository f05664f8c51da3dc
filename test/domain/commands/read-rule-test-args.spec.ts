import assert from 'node:assert/strict';
import {
  RULE_TEST_DAYS,
  type RuleTestArgs,
  readRuleTestArgs,
} from '../../../src/domain/commands/read-rule-test-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

describe('readRuleTestArgs', () => {
  it('should look back 7 days by default, and 1 to 90 days when told', () => {
    assert.deepEqual(RULE_TEST_DAYS, { default: 7, min: 1, max: 90 });
  });

  const valid: [string, RuleTestArgs][] = [
    ['rule test r1', { ruleId: 'r1', days: 7 }],
    ['rule test r1 1', { ruleId: 'r1', days: 1 }],
    ['rule test r1 30', { ruleId: 'r1', days: 30 }],
    ['rule test r1 090', { ruleId: 'r1', days: 90 }],
    ['rule test r1 "14"', { ruleId: 'r1', days: 14 }],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readRuleTestArgs(argsAfter(text, 2)), args);
    });
  }

  const days = /a whole number of days from 1 to 90/;
  const malformed: [string, number, RegExp][] = [
    ['rule test', 9, /a rule id/],
    ['rule test r!', 10, /a rule id/],
    ['rule test r1 0', 13, days],
    ['rule test r1 91', 13, days],
    ['rule test r1 -5', 13, days],
    ['rule test r1 7.5', 13, days],
    ['rule test r1 1e1', 13, days],
    ['rule test r1 week', 13, days],
    ['rule test r1 99999999999999999999', 13, days],
    ['rule test r1 <at>7</at>', 13, days],
    ['rule test r1 7 days', 15, /the end of the command/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text)} at ${position}`, () => {
      const error = assertRejects(readRuleTestArgs, text, 2, position, expected);
      assert.match(error.friendlyMessage, /`rule test <rule id> \[days, 1 to 90\]`/);
    });
  }

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readRuleTestArgs, 'rule test');
  });
});
