import assert from 'node:assert/strict';
import { type AuditArgs, readAuditArgs } from '../../../src/domain/commands/read-audit-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

describe('readAuditArgs', () => {
  const valid: [string, AuditArgs][] = [
    ['audit', {}],
    ['audit   ', {}],
    ['audit da637_-1', { alertId: 'da637_-1' }],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readAuditArgs(argsAfter(text, 1)), args);
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['audit da1?', 6, /an alert id/],
    ['audit ""', 6, /an alert id/],
    ['audit da1 da2', 10, /the end of the command/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text)} at ${position}`, () => {
      const error = assertRejects(readAuditArgs, text, 1, position, expected);
      assert.match(error.friendlyMessage, /`audit \[alert id\]`/);
    });
  }

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readAuditArgs, 'audit');
  });
});
