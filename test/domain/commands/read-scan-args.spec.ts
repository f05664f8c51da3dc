import assert from 'node:assert/strict';
import { readScanArgs, type ScanArgs } from '../../../src/domain/commands/read-scan-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

const ws = { kind: 'name', name: 'ws-042' } as const;

describe('readScanArgs', () => {
  const valid: [string, ScanArgs][] = [
    ['scan ws-042', { machine: ws, scanType: 'Quick' }],
    ['scan ws-042 quick', { machine: ws, scanType: 'Quick' }],
    ['scan ws-042 FULL', { machine: ws, scanType: 'Full' }],
    ['scan ws-042 "full"  ', { machine: ws, scanType: 'Full' }],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readScanArgs(argsAfter(text, 1)), args);
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['scan', 4, /a machine name or id/],
    ['scan ws/042', 5, /a machine name or id/],
    ['scan ws-042 deep', 12, /quick or full/],
    ['scan ws-042 constructor', 12, /quick or full/],
    ['scan ws-042 <at>full</at>', 12, /quick or full/],
    ['scan ws-042 full now', 17, /the end of the command/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text)} at ${position}`, () => {
      const error = assertRejects(readScanArgs, text, 1, position, expected);
      assert.match(error.friendlyMessage, /`scan <machine> \[quick\|full\]`/);
    });
  }

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readScanArgs, 'scan');
  });
});
