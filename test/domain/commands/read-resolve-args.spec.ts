import assert from 'node:assert/strict';
import { type ResolveArgs, readResolveArgs } from '../../../src/domain/commands/read-resolve-args';
import { argsAfter, assertRejects } from './command-test-helpers';
import { readsAnyTextSafely } from './command-text-arbitrary';

describe('readResolveArgs', () => {
  const valid: [string, ResolveArgs][] = [
    ['resolve da1', { alertId: 'da1' }],
    ['resolve da1 tp', { alertId: 'da1', classification: 'truePositive' }],
    ['resolve da1 True-Positive', { alertId: 'da1', classification: 'truePositive' }],
    ['resolve da1 truepositive', { alertId: 'da1', classification: 'truePositive' }],
    [
      'resolve da1 FP test machine',
      { alertId: 'da1', classification: 'falsePositive', comment: 'test machine' },
    ],
    ['resolve da1 false-positive', { alertId: 'da1', classification: 'falsePositive' }],
    ['resolve da1 falsepositive', { alertId: 'da1', classification: 'falsePositive' }],
    [
      'resolve da1 informational pen test',
      {
        alertId: 'da1',
        classification: 'informationalExpectedActivity',
        comment: 'pen test',
      },
    ],
    ['resolve da1 fixed by "re-image"', { alertId: 'da1', comment: 'fixed by "re-image"' }],
    ['resolve da1 "tp" as typed', { alertId: 'da1', comment: '"tp" as typed' }],
    ['resolve ed_2 true positive', { alertId: 'ed_2', comment: 'true positive' }],
  ];
  for (const [text, args] of valid) {
    it(`should read ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readResolveArgs(argsAfter(text, 1)), args);
    });
  }

  const malformed: [string, number, RegExp][] = [
    ['resolve', 7, /an alert id/],
    ['resolve da1.x tp', 8, /an alert id/],
    ['resolve "da 1" tp', 8, /an alert id/],
    [`resolve da1 tp ${'c'.repeat(1001)}`, 15 + 1000, /a comment of at most 1,000 characters/],
  ];
  for (const [text, position, expected] of malformed) {
    it(`should reject ${JSON.stringify(text.slice(0, 40))} at ${position}`, () => {
      assertRejects(readResolveArgs, text, 1, position, expected);
    });
  }

  it('should name the resolve usage when the id is missing', () => {
    const error = assertRejects(readResolveArgs, 'resolve', 1, 7, /alert id/);
    assert.match(
      error.friendlyMessage,
      /`resolve <alert id> \[truepositive\|falsepositive\|informational\] \[comment\]`/,
    );
  });

  it('should only ever fail with the parse error, and quickly, on any text', () => {
    readsAnyTextSafely(readResolveArgs, 'resolve');
  });
});
