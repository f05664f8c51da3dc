import { parseFieldCondition } from './parse-field-condition';
import type { RuleCondition } from './rule-condition';
import type { RuleCursor } from './rule-cursor';
import { isReservedRuleWord } from './rule-keywords';

/** The deepest nesting of parentheses and `not` a condition may have. */
export const MAX_CONDITION_DEPTH = 32;

const A_CONDITION = 'a condition such as severity >= high';

/** Fails when the condition nests deeper than `MAX_CONDITION_DEPTH`. */
function checkDepth(cursor: RuleCursor, depth: number): void {
  if (depth > MAX_CONDITION_DEPTH) {
    cursor.fail(cursor.peek(), {
      reason: 'Condition nested too deeply',
      expected: [`at most ${MAX_CONDITION_DEPTH} levels of parentheses and not`],
    });
  }
}

/** `not x`, `( … )` or a field condition. */
function parseUnary(cursor: RuleCursor, depth: number): RuleCondition {
  checkDepth(cursor, depth);
  const token = cursor.peek();
  if (cursor.isWord('not')) {
    cursor.next();
    return { kind: 'not', operand: parseUnary(cursor, depth + 1) };
  }
  if (token.kind === 'lparen') {
    cursor.next();
    const inner = parseOr(cursor, depth + 1);
    const close = cursor.peek();
    if (close.kind !== 'rparen') {
      cursor.fail(close, {
        reason: close.kind === 'end' ? 'Unbalanced "("' : undefined,
        expected: ['")"', '"and"', '"or"'],
      });
    }
    cursor.next();
    return inner;
  }
  if (token.kind === 'word' && !isReservedRuleWord(token.value)) return parseFieldCondition(cursor);
  return cursor.fail(token, { expected: [A_CONDITION] });
}

/** `a and b and …` (one operand: itself). */
function parseAnd(cursor: RuleCursor, depth: number): RuleCondition {
  const operands = [parseUnary(cursor, depth)];
  while (cursor.isWord('and')) {
    cursor.next();
    operands.push(parseUnary(cursor, depth));
  }
  return operands.length === 1 ? (operands[0] as RuleCondition) : { kind: 'and', operands };
}

/** `a or b or …` (one operand: itself). */
function parseOr(cursor: RuleCursor, depth: number): RuleCondition {
  const operands = [parseAnd(cursor, depth)];
  while (cursor.isWord('or')) {
    cursor.next();
    operands.push(parseAnd(cursor, depth));
  }
  return operands.length === 1 ? (operands[0] as RuleCondition) : { kind: 'or', operands };
}

/**
 * Parses a condition: field conditions combined with `not`, `and`, `or` and parentheses, `not` binding
 * tightest and `or` loosest. A chain of one operator is one node (`a and b and c`); parentheses keep
 * their own node (`(a and b) and c`).
 */
export function parseRuleCondition(cursor: RuleCursor): RuleCondition {
  return parseOr(cursor, 0);
}
