import assert from 'node:assert/strict';
import { readUnisolateArgs, type UnisolateArgs } from '../../../src/domain/commands/read-unisolate-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

const ws = { kind: 'name', name: 'ws-042' } as const;

describe('readUnisolateArgs', () => {
  const valid: [string, UnisolateArgs][] = [
    ['unisolate ws-042', { machine: ws }],
    ['unisolate ws-042 full', { machine: ws, reason: 'full' }],
    ["unisolate ws-042 'clean' after re-image", { machine: ws, reason: "'clean' after re-image" }],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readUnisolateArgs(argsAfter(text, 1)), args);
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['unisolate', 9, /a machine name or id/],
    ['unisolate ws+042 ok', 10, /a machine name or id/],
    [`unisolate ws-042 ${'r'.repeat(1200)}`, 17 + 1000, /a reason of at most 1,000 characters/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text.slice(0, 40))} at ${position}`, () => {
      assertRejects(readUnisolateArgs, text, 1, position, expected);
    });
  }

  it('should name the unisolate usage when the machine is missing', () => {
    const error = assertRejects(readUnisolateArgs, 'unisolate', 1, 9, /machine/);
    assert.match(error.friendlyMessage, /`unisolate <machine> \[reason\]`/);
  });

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readUnisolateArgs, 'unisolate');
  });
});
