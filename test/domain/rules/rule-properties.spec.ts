import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Alert } from '../../../src/domain/alerts/alert';
import { SEVERITIES } from '../../../src/domain/alerts/severity';
import { describeRule } from '../../../src/domain/rules/describe-rule';
import { evaluateCondition } from '../../../src/domain/rules/evaluate-condition';
import { parseRule } from '../../../src/domain/rules/parse-rule';
import type { RuleDefinition } from '../../../src/domain/rules/rule-definition';
import { RuleParseError } from '../../../src/domain/rules/rule-parse-error';
import { VALID_RULES } from './valid-rules';

/** The grammar's own tokens, so that random rules come near to valid ones. */
const TOKENS = [
  'x',
  '"a b"',
  "'c'",
  '“d”',
  'when',
  'then',
  'and',
  'or',
  'not',
  '(',
  ')',
  ',',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '~',
  '==',
  '!',
  '/a+/i',
  '/(a+)+/',
  '/',
  'severity',
  'category',
  'title',
  'source',
  'detectionSource',
  'machine',
  'machine.name',
  'machine.tag',
  'user',
  'mitre',
  'technique',
  'status',
  'high',
  'medium',
  'low',
  'informational',
  'critical',
  'mde',
  'mcas',
  'new',
  'resolved',
  'T1059',
  'T1059.001',
  'ws-*',
  'isolate',
  'unisolate',
  'scan',
  'full',
  'quick',
  'selective',
  'resolve',
  'as',
  'true',
  'positive',
  'truepositive',
  'assign',
  'me',
  'secops@contoso.com',
  'notify',
  'channel',
  'require',
  'approval',
  'on',
  'user',
  'machines',
  'order',
  '5',
  '0',
  'stop',
  'for',
  '7d',
  '7x',
  'dry-run',
  '\\',
  '"',
  '\n',
];

/** Parses, returning the error, and fails on anything thrown that is not a RuleParseError. */
function tryParse(text: string): RuleDefinition | RuleParseError {
  try {
    return parseRule(text);
  } catch (error) {
    if (error instanceof RuleParseError) return error;
    throw error;
  }
}

/** Parses and checks the error's shape, or the definition's round trip, within a time budget. */
function checkParse(text: string): void {
  const started = performance.now();
  const result = tryParse(text);
  assert.ok(performance.now() - started < 50, `slow: ${JSON.stringify(text)}`);
  if (result instanceof RuleParseError) {
    assert.equal(result.code, 'RULE.PARSE');
    const position = result.details.position as number;
    assert.ok(Number.isInteger(position) && position >= 0 && position <= text.length);
    assert.ok(typeof result.details.found === 'string');
    assert.ok(Array.isArray(result.details.expected) && result.details.expected.length > 0);
  } else {
    assert.deepEqual(parseRule(describeRule(result)), result);
  }
}

const grammarText = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 30 })
  .chain((tokens) =>
    fc
      .array(fc.constantFrom(' ', '', '  '), { minLength: tokens.length, maxLength: tokens.length })
      .map((gaps) => tokens.map((token, index) => `${token}${gaps[index]}`).join('')),
  );

const text = fc.option(fc.string({ maxLength: 40 }), { nil: undefined });

const arbitraryAlert: fc.Arbitrary<Alert> = fc.record({
  id: fc.string(),
  source: fc.constantFrom('mde' as const, 'mcas' as const),
  title: fc.string(),
  description: fc.string(),
  severity: fc.constantFrom(...SEVERITIES),
  status: fc.constantFrom('new' as const, 'inProgress' as const, 'resolved' as const),
  category: fc.string(),
  detectionSource: fc.string(),
  createdAt: fc.string(),
  updatedAt: fc.string(),
  machine: fc.option(fc.record({ id: fc.string(), name: fc.string() }), { nil: undefined }),
  user: fc.option(fc.record({ name: fc.string(), upn: text }), { nil: undefined }),
  mitreTechniques: fc.array(
    fc.oneof(fc.constantFrom('T1059', 'T1059.001', 'T1003.001', 't1566'), fc.string()),
  ),
  evidence: fc.constant([]),
  comments: fc.constant([]),
});

const arbitraryContext = fc.record({
  machine: fc.option(fc.record({ name: fc.string(), tags: fc.array(fc.string(), { maxLength: 4 }) }), {
    nil: undefined,
  }),
});

describe('rule properties', () => {
  it('should only ever throw RuleParseError, quickly, on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), checkParse), { numRuns: 2000 });
  });

  it('should only ever throw RuleParseError, quickly, on arbitrary unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), checkParse), { numRuns: 500 });
  });

  it('should only ever throw RuleParseError, quickly, on strings of the grammar’s tokens', () => {
    fc.assert(fc.property(grammarText, checkParse), { numRuns: 3000 });
  });

  it('should round-trip rules built from valid parts', () => {
    const condition = fc.constantFrom(
      'severity >= high',
      'title ~ "a b"',
      'machine = ws-*',
      'not machine.tag = tier0',
      '(source = mcas or mitre = T1059)',
      'user ~ /^a/i',
    );
    const rule = fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.array(condition, { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(' and ', ' or '), { minLength: 3, maxLength: 3 }),
        fc.subarray(['scan full', 'notify channel', 'assign me', 'resolve as falsepositive'], {
          minLength: 1,
        }),
        fc.subarray(['order 3', 'stop', 'for 2h', 'dry-run']),
      )
      .map(([name, conditions, joins, actions, options]) => {
        const where = conditions
          .map((part, index) => (index === 0 ? part : `${joins[index - 1]}${part}`))
          .join('');
        const quoted = JSON.stringify(name);
        return `${quoted} when ${where} then ${actions.join(', ')} ${options.join(' ')}`;
      });
    fc.assert(fc.property(rule, checkParse), { numRuns: 500 });
  });

  it('should finish quickly on pathological input', () => {
    for (const input of [
      '('.repeat(1999),
      'not '.repeat(499),
      `x when ${'title ~ a or '.repeat(150)}title ~ a then scan`,
      `x when title ~ /${'(a|'.repeat(60)}/ then scan`,
      `"${'\\'.repeat(1990)}`,
      'x '.repeat(999),
      'a'.repeat(5000),
    ]) {
      checkParse(input);
    }
  });

  it('should never throw evaluating the valid rules on arbitrary alerts and contexts', () => {
    const conditions = VALID_RULES.map(({ text: rule }) => parseRule(rule).condition);
    fc.assert(
      fc.property(arbitraryAlert, arbitraryContext, (alert, context) => {
        for (const condition of conditions) {
          assert.equal(typeof evaluateCondition(condition, alert, context), 'boolean');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should never throw evaluating on values that are not alerts at all', () => {
    const conditions = VALID_RULES.map(({ text: rule }) => parseRule(rule).condition);
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (alert, context) => {
        for (const condition of conditions) {
          assert.equal(typeof evaluateCondition(condition, alert as Alert, context as object), 'boolean');
        }
      }),
      { numRuns: 300 },
    );
  });
});
