import assert from 'node:assert/strict';
import type { MachineArgument } from '../../../src/domain/commands/machine-argument';
import { readMachineArgument } from '../../../src/domain/commands/read-machine-argument';
import { argsAfter, assertRejects } from './command-test-helpers';

const ID = '9f1c2a0b3d4e5f60718293a4b5c6d7e8f9012345';

describe('readMachineArgument', () => {
  const valid: [string, MachineArgument][] = [
    ['ws-042', { kind: 'name', name: 'ws-042' }],
    ['WS-042.Contoso.Local', { kind: 'name', name: 'WS-042.Contoso.Local' }],
    ['"ws-042"', { kind: 'name', name: 'ws-042' }],
    [ID, { kind: 'id', id: ID }],
    [ID.toUpperCase(), { kind: 'id', id: ID }],
    [`${ID}0`, { kind: 'name', name: `${ID}0` }],
    ['x'.repeat(253), { kind: 'name', name: 'x'.repeat(253) }],
    ['10.0.0.4', { kind: 'name', name: '10.0.0.4' }],
  ];
  for (const [typed, machine] of valid) {
    it(`should read ${typed.slice(0, 50)} as a machine ${machine.kind}`, () => {
      assert.deepEqual(readMachineArgument(argsAfter(`scan ${typed} quick`, 1), 0, 'scan'), machine);
    });
  }

  const read = (args: Parameters<typeof readMachineArgument>[0]) => readMachineArgument(args, 0, 'isolate');
  const malformed: [string, number][] = [
    ['isolate', 7],
    ['isolate   ', 7],
    ['isolate ws_042', 8],
    ['isolate ws!042 full', 8],
    ['isolate "ws 042"', 8],
    ['isolate ""', 8],
    [`isolate ${'x'.repeat(254)}`, 8],
    ['isolate <at>Bob</at>', 8],
    ['isolate pc\u00E9', 8],
  ];
  for (const [text, position] of malformed) {
    it(`should reject ${JSON.stringify(text.slice(0, 40))} at ${position}, expecting a machine name or id`, () => {
      const error = assertRejects(read, text, 1, position, /a machine name or id/);
      assert.match(error.friendlyMessage, /`isolate <machine> \[full\|selective\] \[reason\]`/);
    });
  }

  it('should quote what was typed when it is not a machine', () => {
    const error = assertRejects(read, 'isolate ws_042', 1, 8, /machine/);
    assert.ok(
      error.friendlyMessage.startsWith('`ws_042` is not a machine name or id'),
      error.friendlyMessage,
    );
  });
});
