import assert from 'node:assert/strict';
import { readAlertArgs } from '../../../src/domain/commands/read-alert-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

describe('readAlertArgs', () => {
  const valid: [string, string][] = [
    ['alert da637551234567890_-123456', 'da637551234567890_-123456'],
    ['alert ed12ab', 'ed12ab'],
    ["alert 'x_1'  ", 'x_1'],
  ];
  for (const [text, alertId] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readAlertArgs(argsAfter(text, 1)), { alertId });
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['alert', 5, /an alert id/],
    ['alert da1!', 6, /an alert id/],
    ['alert da1 da2', 10, /the end of the command/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text)} at ${position}`, () => {
      const error = assertRejects(readAlertArgs, text, 1, position, expected);
      assert.match(error.friendlyMessage, /`alert <alert id>`/);
    });
  }

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readAlertArgs, 'alert');
  });
});
