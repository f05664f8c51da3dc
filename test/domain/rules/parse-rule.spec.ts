import assert from 'node:assert/strict';
import { describeRule } from '../../../src/domain/rules/describe-rule';
import { parseRule } from '../../../src/domain/rules/parse-rule';
import { VALID_RULES } from './valid-rules';

describe('parseRule', () => {
  for (const { text, expected } of VALID_RULES) {
    it(`should parse ${text}`, () => {
      const definition = parseRule(text);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(definition[key as keyof typeof definition], value, key);
      }
      assert.equal(definition.source, describeRule(definition));
    });
  }

  it('should read the first contract example as a whole', () => {
    assert.deepEqual(parseRule('"High sev isolate" when severity = high then isolate full, notify channel'), {
      name: 'High sev isolate',
      condition: { kind: 'severity', op: '=', value: 'high' },
      actions: [{ kind: 'isolate', isolationType: 'Full', onUserMachines: false }, { kind: 'notifyChannel' }],
      options: { stop: false, dryRun: false },
      source: '"High sev isolate" when severity = high then isolate full, notify channel',
    });
  });

  it('should default isolate to full and scan to quick', () => {
    const { actions } = parseRule('d when severity = high then isolate, scan');
    assert.deepEqual(actions, [
      { kind: 'isolate', isolationType: 'Full', onUserMachines: false },
      { kind: 'scan', scanType: 'Quick', onUserMachines: false },
    ]);
  });

  it('should give the normalized text as source', () => {
    assert.equal(
      parseRule(
        '  mimikatz   WHEN title ~ \'mimikatz\'  or TITLE ~ "credential dump" Then SCAN FULL,assign SecOps@Contoso.com  ',
      ).source,
      'mimikatz when title ~ mimikatz or title ~ "credential dump" then scan full, assign secops@contoso.com',
    );
  });

  it('should omit order and expiry when they are not given', () => {
    const { options } = parseRule('d when severity = high then scan');
    assert.equal('order' in options, false);
    assert.equal('expiresInMs' in options, false);
  });

  it('should read a severity of unspecified as informational', () => {
    assert.deepEqual(parseRule('d when severity = Unspecified then scan').condition, {
      kind: 'severity',
      op: '=',
      value: 'informational',
    });
  });

  it('should accept true-positive and false-positive spellings', () => {
    for (const [word, classification] of [
      ['true-positive', 'truePositive'],
      ['TruePositive', 'truePositive'],
      ['false positive', 'falsePositive'],
      ['false-positive', 'falsePositive'],
    ]) {
      assert.deepEqual(parseRule(`d when severity = high then resolve as ${word}`).actions, [
        { kind: 'resolve', classification },
      ]);
    }
  });

  it('should accept up to 365 days of expiry', () => {
    assert.equal(
      parseRule('d when severity = high then scan for 365d').options.expiresInMs,
      365 * 86_400_000,
    );
    assert.equal(
      parseRule('d when severity = high then scan for 8760h').options.expiresInMs,
      365 * 86_400_000,
    );
  });
});
