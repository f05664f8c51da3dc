import assert from 'node:assert/strict';
import { describeCondition } from '../../../src/domain/rules/describe-condition';
import { describeRule } from '../../../src/domain/rules/describe-rule';
import { parseRule } from '../../../src/domain/rules/parse-rule';
import type { RuleDefinition } from '../../../src/domain/rules/rule-definition';
import { VALID_RULES } from './valid-rules';

describe('describeRule', () => {
  for (const { text } of VALID_RULES) {
    it(`should parse back to the same definition: ${text}`, () => {
      const definition = parseRule(text);
      assert.deepEqual(parseRule(describeRule(definition)), definition);
      assert.equal(describeRule(parseRule(definition.source)), definition.source);
    });
  }

  it('should write the canonical form', () => {
    assert.equal(
      parseRule('opts when SEVERITY>=medium then Isolate, notify channel dry-run for 48h stop order 10')
        .source,
      'opts when severity >= medium then isolate full, notify channel order 10 stop for 2d dry-run',
    );
  });

  it('should quote names and values only when needed', () => {
    assert.equal(
      parseRule('"and" when title = "a b" and category = x.y then assign "SecOps@Contoso.com"').source,
      '"and" when title = "a b" and category = x.y then assign secops@contoso.com',
    );
  });

  it('should escape quotes and backslashes', () => {
    const definition = parseRule('"say \\"hi\\"" when title ~ "C:\\\\Temp\\\\x" then scan');
    assert.equal(definition.name, 'say "hi"');
    assert.equal(definition.source, '"say \\"hi\\"" when title ~ "C:\\\\Temp\\\\x" then scan quick');
  });

  it('should write durations in the largest whole unit', () => {
    const base: Omit<RuleDefinition, 'source'> = {
      name: 'd',
      condition: { kind: 'severity', op: '=', value: 'high' },
      actions: [{ kind: 'notifyChannel' }],
      options: { stop: false, dryRun: false },
    };
    const forMs = (expiresInMs: number) =>
      describeRule({ ...base, options: { ...base.options, expiresInMs } });
    assert.equal(forMs(86_400_000), 'd when severity = high then notify channel for 1d');
    assert.equal(forMs(90 * 60_000), 'd when severity = high then notify channel for 90m');
    assert.equal(forMs(25 * 3_600_000), 'd when severity = high then notify channel for 25h');
    assert.equal(forMs(61_000), 'd when severity = high then notify channel for 2m');
  });
});

describe('describeCondition', () => {
  it('should put nested and/or in parentheses and not before them', () => {
    const { condition } = parseRule(
      'd when not (severity = high or source = mcas) or title ~ a and (user = b or mitre = T1059) then scan',
    );
    assert.equal(
      describeCondition(condition),
      'not (severity = high or source = mcas) or (title ~ a and (user = b or mitre = T1059))',
    );
  });

  it('should keep explicit grouping of the same operator', () => {
    const { condition } = parseRule('d when (title = a or title = b) or title = c then scan');
    assert.equal(describeCondition(condition), '(title = a or title = b) or title = c');
  });

  it('should write every field by its canonical name', () => {
    const { condition } = parseRule(
      'd when machine.name = ws-1 and technique = T1003 and detectionsource = x and machine.tag != t and status = new and title ~ /a/ui then scan',
    );
    assert.equal(
      describeCondition(condition),
      'machine = ws-1 and mitre = T1003 and detectionSource = x and machine.tag != t and status = new and title ~ /a/iu',
    );
  });
});
