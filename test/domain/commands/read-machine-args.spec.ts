import assert from 'node:assert/strict';
import { type MachineArgs, readMachineArgs } from '../../../src/domain/commands/read-machine-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

const ID = '9f1c2a0b3d4e5f60718293a4b5c6d7e8f9012345';

describe('readMachineArgs', () => {
  const valid: [string, MachineArgs][] = [
    ['machine ws-042', { machine: { kind: 'name', name: 'ws-042' } }],
    [`machine ${ID.toUpperCase()}`, { machine: { kind: 'id', id: ID } }],
    ['machine srv01.corp.example.com ', { machine: { kind: 'name', name: 'srv01.corp.example.com' } }],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readMachineArgs(argsAfter(text, 1)), args);
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['machine', 7, /a machine name or id/],
    ['machine ws_042', 8, /a machine name or id/],
    ['machine ws-042 ws-043', 15, /the end of the command/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text)} at ${position}`, () => {
      const error = assertRejects(readMachineArgs, text, 1, position, expected);
      assert.match(error.friendlyMessage, /`machine <machine name or id>`/);
    });
  }

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readMachineArgs, 'machine');
  });
});
