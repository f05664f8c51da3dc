import { describeRule } from './describe-rule';
import { parseRuleActions } from './parse-rule-actions';
import { parseRuleCondition } from './parse-rule-condition';
import { parseRuleOptions } from './parse-rule-options';
import { RuleCursor } from './rule-cursor';
import type { RuleDefinition } from './rule-definition';
import { isReservedRuleWord } from './rule-keywords';
import { RuleParseError } from './rule-parse-error';
import { tokenizeRule } from './tokenize-rule';

/** The longest rule text accepted. */
export const MAX_RULE_LENGTH = 2000;

/** The longest rule name. */
export const MAX_RULE_NAME_LENGTH = 80;

const A_RULE = 'a rule: <name> when <condition> then <action>';

/** The name: a bare word or a quoted string, trimmed and with inner whitespace collapsed. */
function readName(cursor: RuleCursor): string {
  const token = cursor.peek();
  if (token.kind === 'end') cursor.fail(token, { reason: 'Empty rule', expected: [A_RULE] });
  if (token.kind !== 'string' && (token.kind !== 'word' || isReservedRuleWord(token.value))) {
    cursor.fail(token, { expected: ['a rule name'] });
  }
  const name = token.value.trim().replace(/\s+/g, ' ');
  if (name === '')
    cursor.fail(token, { reason: 'Empty rule name', expected: ['a name of 1 to 80 characters'] });
  if (name.length > MAX_RULE_NAME_LENGTH) {
    cursor.fail(token, {
      reason: `Rule name too long (${name.length} characters)`,
      expected: [`at most ${MAX_RULE_NAME_LENGTH} characters`],
    });
  }
  cursor.next();
  return name;
}

/** Takes `when`; a word instead probably means a name with spaces and no quotes. */
function readWhen(cursor: RuleCursor): void {
  const token = cursor.peek();
  const unquoted = token.kind === 'word' && !cursor.isWord('when');
  cursor.expectWord('when', {
    expected: unquoted ? ['"when"', 'quotes around a name with spaces'] : ['"when"'],
    candidates: ['when'],
  });
}

/** Takes `then` after the condition. */
function readThen(cursor: RuleCursor): void {
  const token = cursor.peek();
  if (token.kind === 'rparen') cursor.fail(token, { reason: 'Unbalanced ")"', expected: ['"then"'] });
  const word = token.kind === 'word' || token.kind === 'string';
  cursor.expectWord('then', {
    expected: word
      ? ['"and"', '"or"', '"then"', 'quotes around a value with spaces']
      : ['"and"', '"or"', '"then"'],
    candidates: ['then', 'and', 'or'],
  });
}

/**
 * Parses a rule as admins write it after `rule add`:
 * `<name> when <condition> then <action>[, <action>…] [order <n>] [stop] [for <n>d|h|m] [dry-run]`.
 * Keywords ignore case. Throws `RuleParseError` (`RULE.PARSE`) with the position, the token found and
 * what was expected; never anything else.
 */
export function parseRule(text: string): RuleDefinition {
  if (text.length > MAX_RULE_LENGTH) {
    throw new RuleParseError(text, {
      position: MAX_RULE_LENGTH,
      found: text.slice(MAX_RULE_LENGTH, MAX_RULE_LENGTH + 20),
      reason: `Rule too long (${text.length} characters)`,
      expected: [`at most ${MAX_RULE_LENGTH} characters`],
    });
  }
  const cursor = new RuleCursor(text, tokenizeRule(text));
  const name = readName(cursor);
  readWhen(cursor);
  const condition = parseRuleCondition(cursor);
  readThen(cursor);
  const actions = parseRuleActions(cursor);
  const options = parseRuleOptions(cursor);
  const definition = { name, condition, actions, options };
  return { ...definition, source: describeRule(definition) };
}
