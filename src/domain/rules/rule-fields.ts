import type { RuleOperator } from './rule-condition';

/** The fields a condition can test, by their canonical names. */
export type RuleFieldName =
  | 'severity'
  | 'category'
  | 'title'
  | 'source'
  | 'detectionSource'
  | 'machine'
  | 'machine.tag'
  | 'user'
  | 'mitre'
  | 'status';

/** Every way to write a field (lower case) and the field it names. */
const FIELD_SPELLINGS: Readonly<Record<string, RuleFieldName>> = {
  severity: 'severity',
  category: 'category',
  title: 'title',
  source: 'source',
  detectionsource: 'detectionSource',
  machine: 'machine',
  'machine.name': 'machine',
  'machine.tag': 'machine.tag',
  user: 'user',
  mitre: 'mitre',
  technique: 'mitre',
  status: 'status',
};

/** The field names people may write, for "did you mean". */
export const RULE_FIELD_WORDS: readonly string[] = [
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
];

const ORDER: readonly RuleOperator[] = ['=', '!=', '<', '<=', '>', '>='];
const TEXT: readonly RuleOperator[] = ['=', '!=', '~'];
const EQUALITY: readonly RuleOperator[] = ['=', '!='];

/** The operators each field takes. */
export const RULE_FIELD_OPERATORS: Readonly<Record<RuleFieldName, readonly RuleOperator[]>> = {
  severity: ORDER,
  category: TEXT,
  title: TEXT,
  source: EQUALITY,
  detectionSource: TEXT,
  machine: TEXT,
  'machine.tag': EQUALITY,
  user: TEXT,
  mitre: EQUALITY,
  status: EQUALITY,
};

/** The field a word names, in any case (`machine.name` is `machine`, `technique` is `mitre`). */
export function ruleFieldOf(word: string): RuleFieldName | undefined {
  const lower = word.toLowerCase();
  return Object.hasOwn(FIELD_SPELLINGS, lower) ? FIELD_SPELLINGS[lower] : undefined;
}
