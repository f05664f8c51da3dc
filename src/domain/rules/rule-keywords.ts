/** Words that structure a rule and so cannot be a bare name or value: quote them to use them. */
export const RESERVED_RULE_WORDS: readonly string[] = ['when', 'then', 'and', 'or', 'not'];

/** The words that start an action. */
export const ACTION_WORDS: readonly string[] = [
  'isolate',
  'unisolate',
  'scan',
  'resolve',
  'assign',
  'notify',
  'require',
];

/** The words that start an option (`dryrun` is read as `dry-run`). */
export const OPTION_WORDS: readonly string[] = ['order', 'stop', 'for', 'dry-run', 'dryrun'];

/** True when `word` is reserved, in any case. */
export function isReservedRuleWord(word: string): boolean {
  return RESERVED_RULE_WORDS.includes(word.toLowerCase());
}
