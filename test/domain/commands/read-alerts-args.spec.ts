import assert from 'node:assert/strict';
import { type AlertsArgs, readAlertsArgs } from '../../../src/domain/commands/read-alerts-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

describe('readAlertsArgs', () => {
  const valid: [string, AlertsArgs][] = [
    ['alerts', { scope: 'open' }],
    ['alerts high', { severity: 'high', scope: 'open' }],
    ['alerts HIGH all', { severity: 'high', scope: 'all' }],
    ['alerts all Medium', { severity: 'medium', scope: 'all' }],
    ['alerts open', { scope: 'open' }],
    ['alerts ALL', { scope: 'all' }],
    ['alerts informational', { severity: 'informational', scope: 'open' }],
    ['alerts "low"', { severity: 'low', scope: 'open' }],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readAlertsArgs(argsAfter(text, 1)), args);
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['alerts critical', 7, /a severity \(informational, low, medium, high\) or open or all/],
    ['alerts high xyz', 12, /a severity \(informational, low, medium, high\) or open or all/],
    ['alerts high low', 12, /a severity .* each at most once/],
    ['alerts all open', 11, /open or all, each at most once/],
    ['alerts high all more', 16, /a severity \(informational, low, medium, high\) or open or all/],
    ['alerts unspecified', 7, /a severity \(informational, low, medium, high\)/],
    ['alerts <at>high</at>', 7, /a severity \(informational, low, medium, high\)/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text)} at ${position}`, () => {
      const error = assertRejects(readAlertsArgs, text, 1, position, /a severity/);
      assert.match(error.friendlyMessage, expected);
      assert.match(error.friendlyMessage, /`alerts \[informational\|low\|medium\|high\] \[open\|all\]`/);
    });
  }

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readAlertsArgs, 'alerts');
  });
});
