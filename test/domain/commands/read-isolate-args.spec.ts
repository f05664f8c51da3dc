import assert from 'node:assert/strict';
import { type IsolateArgs, readIsolateArgs } from '../../../src/domain/commands/read-isolate-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

const ws = { kind: 'name', name: 'ws-042' } as const;

describe('readIsolateArgs', () => {
  const valid: [string, IsolateArgs][] = [
    ['isolate ws-042', { machine: ws, isolationType: 'Full' }],
    ['isolate ws-042 full', { machine: ws, isolationType: 'Full' }],
    ['isolate ws-042 SELECTIVE', { machine: ws, isolationType: 'Selective' }],
    [
      'isolate ws-042 selective beacon to "evil.example"',
      {
        machine: ws,
        isolationType: 'Selective',
        reason: 'beacon to "evil.example"',
      },
    ],
    ['isolate ws-042 ransomware seen', { machine: ws, isolationType: 'Full', reason: 'ransomware seen' }],
    [
      'isolate ws-042 "full" scope please',
      { machine: ws, isolationType: 'Full', reason: '"full" scope please' },
    ],
    [
      'isolate "ws-042" full \u201Cquoted\u201D reason  ',
      {
        machine: ws,
        isolationType: 'Full',
        reason: '\u201Cquoted\u201D reason',
      },
    ],
    [
      'isolate&nbsp;ws-042&nbsp;full&nbsp;per&nbsp;<at>Bob</at>',
      {
        machine: ws,
        isolationType: 'Full',
        reason: 'per <at>Bob</at>',
      },
    ],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readIsolateArgs(argsAfter(text, 1)), args);
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['isolate', 7, /a machine name or id/],
    ['isolate  ', 7, /a machine name or id/],
    ['isolate ws@042 full', 8, /a machine name or id/],
    ['isolate <at>Bob</at> full', 8, /a machine name or id/],
    [`isolate ws-042 full ${'r'.repeat(1001)}`, 20 + 1000, /a reason of at most 1,000 characters/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text.slice(0, 40))} at ${position}`, () => {
      assertRejects(readIsolateArgs, text, 1, position, expected);
    });
  }

  it('should take "full" after a machine named full as the type, and a misspelt type as the reason', () => {
    assert.deepEqual(readIsolateArgs(argsAfter('isolate full full', 1)), {
      machine: { kind: 'name', name: 'full' },
      isolationType: 'Full',
    });
    assert.deepEqual(readIsolateArgs(argsAfter('isolate ws-042 selectiv', 1)), {
      machine: ws,
      isolationType: 'Full',
      reason: 'selectiv',
    });
  });

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readIsolateArgs, 'isolate');
  });
});
