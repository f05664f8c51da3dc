import type { AlertSource, AlertStatus } from '../alerts/alert';
import { parseSeverity, SEVERITIES } from '../alerts/severity';
import type {
  FieldCondition,
  RuleEqualityOperator,
  RuleOperator,
  RuleOrderOperator,
  RuleTextField,
  RuleTextOperator,
} from './rule-condition';
import type { RuleCursor } from './rule-cursor';
import { RULE_FIELD_OPERATORS, RULE_FIELD_WORDS, type RuleFieldName, ruleFieldOf } from './rule-fields';
import { isReservedRuleWord } from './rule-keywords';
import { canonicalRegexFlags, ruleRegexProblem } from './rule-regex-problem';
import type { RuleToken } from './rule-token';

const SOURCES: readonly AlertSource[] = ['mde', 'mcas'];
const STATUSES: Readonly<Record<string, AlertStatus>> = {
  new: 'new',
  inprogress: 'inProgress',
  'in-progress': 'inProgress',
  resolved: 'resolved',
};
const TECHNIQUE = /^T\d{4}(\.\d{3})?$/i;
const TEXT_FIELDS: readonly RuleFieldName[] = ['category', 'title', 'detectionSource', 'machine', 'user'];

/** What a value of the field looks like, for "expected …". */
const VALUE_HINTS: Readonly<Record<RuleFieldName, string>> = {
  severity: 'a severity: informational, low, medium or high',
  category: 'a category such as Ransomware',
  title: 'a text such as "mimikatz"',
  source: 'a source: mde or mcas',
  detectionSource: 'a detection source such as WindowsDefenderAv',
  machine: 'a machine name or a pattern such as ws-*',
  'machine.tag': 'a tag such as "tier0"',
  user: 'a user name or address',
  mitre: 'a technique such as T1059',
  status: 'a status: new, inProgress or resolved',
};

function isTextField(field: RuleFieldName): field is RuleTextField {
  return TEXT_FIELDS.includes(field);
}

/** Takes the field's name, or fails naming the fields (and the one probably meant). */
function readField(cursor: RuleCursor): RuleFieldName {
  const token = cursor.next();
  const field = ruleFieldOf(token.value);
  if (field === undefined) {
    cursor.fail(token, {
      reason: `Unknown field "${token.value.slice(0, 40)}"`,
      expected: [
        'a field: severity, category, title, source, detectionSource, machine, machine.tag, user, mitre or status',
      ],
      candidates: RULE_FIELD_WORDS,
    });
  }
  return field;
}

/** Takes the operator, or fails naming the ones the field takes. */
function readOperator(cursor: RuleCursor, field: RuleFieldName): RuleOperator {
  const token = cursor.next();
  const allowed = RULE_FIELD_OPERATORS[field];
  if (token.kind !== 'operator') cursor.fail(token, { expected: [...allowed] });
  const op = token.value as RuleOperator;
  if (!allowed.includes(op)) {
    cursor.fail(token, { reason: `Operator "${op}" does not apply to ${field}`, expected: [...allowed] });
  }
  return op;
}

/** Takes a value: a bare word (not a reserved one) or a quoted string that is not blank. */
function readValue(cursor: RuleCursor, field: RuleFieldName): RuleToken {
  const token = cursor.peek();
  const expected = [VALUE_HINTS[field]];
  if (token.kind === 'string' && token.value.trim() === '')
    cursor.fail(token, { reason: 'Empty value', expected });
  if (token.kind !== 'string' && (token.kind !== 'word' || isReservedRuleWord(token.value))) {
    cursor.fail(token, { expected });
  }
  return cursor.next();
}

/** Fails on a value that is not one of `allowed`. */
function failUnknown(cursor: RuleCursor, token: RuleToken, what: string, allowed: readonly string[]): never {
  return cursor.fail(token, {
    reason: `Unknown ${what} "${token.value.slice(0, 40)}"`,
    expected: allowed,
    candidates: allowed,
  });
}

/** `title ~ /regex/flags`, checked safe. */
function regexCondition(cursor: RuleCursor, field: RuleFieldName, token: RuleToken): FieldCondition {
  if (!isTextField(field)) return cursor.fail(token, { expected: [VALUE_HINTS[field]] });
  const problem = ruleRegexProblem(token.value, token.flags ?? '');
  if (problem) cursor.fail(token, problem);
  const canonical = canonicalRegexFlags(token.flags ?? '');
  const flags = 'flags' in canonical ? canonical.flags : '';
  return { kind: 'regex', field, pattern: token.value, flags };
}

/**
 * Parses one field condition: `<field> <operator> <value>`, e.g. `severity >= medium`,
 * `title ~ /mimi(katz)?/i`, `machine = ws-*`, `machine.tag = "tier0"`, `mitre = T1059`. Fails with a
 * `RuleParseError` naming the fields, operators or values allowed.
 */
export function parseFieldCondition(cursor: RuleCursor): FieldCondition {
  const field = readField(cursor);
  const op = readOperator(cursor, field);
  if (cursor.peek().kind === 'regex') return regexCondition(cursor, field, cursor.next());
  const token = readValue(cursor, field);
  const value = token.value;
  switch (field) {
    case 'severity': {
      const severity = parseSeverity(value);
      if (severity === undefined) failUnknown(cursor, token, 'severity', SEVERITIES);
      return { kind: 'severity', op: op as RuleOrderOperator, value: severity };
    }
    case 'source': {
      const source = SOURCES.find((known) => known === value.toLowerCase());
      if (source === undefined) failUnknown(cursor, token, 'source', SOURCES);
      return { kind: 'source', op: op as RuleEqualityOperator, value: source };
    }
    case 'status': {
      const status = Object.hasOwn(STATUSES, value.toLowerCase()) ? STATUSES[value.toLowerCase()] : undefined;
      if (status === undefined) failUnknown(cursor, token, 'status', ['new', 'inProgress', 'resolved']);
      return { kind: 'status', op: op as RuleEqualityOperator, value: status };
    }
    case 'mitre':
      if (!TECHNIQUE.test(value)) {
        cursor.fail(token, {
          reason: `Not a MITRE technique "${value.slice(0, 40)}"`,
          expected: ['a technique such as T1059 or T1059.001'],
        });
      }
      return { kind: 'mitre', op: op as RuleEqualityOperator, value: value.toUpperCase() };
    case 'machine.tag':
      return { kind: 'tag', op: op as RuleEqualityOperator, value };
    case 'machine':
      if (op !== '~' && /[*?]/.test(value))
        return { kind: 'glob', field, op: op as RuleEqualityOperator, pattern: value };
      return { kind: 'text', field, op: op as RuleTextOperator, value };
    default:
      return { kind: 'text', field, op: op as RuleTextOperator, value };
  }
}
