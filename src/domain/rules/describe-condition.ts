import { quoteRuleText } from './quote-rule-text';
import type { RuleCondition } from './rule-condition';

/** An operand of `and`, `or` or `not`, in parentheses when it is itself `and` or `or`. */
function operand(condition: RuleCondition): string {
  const text = describeCondition(condition);
  return condition.kind === 'and' || condition.kind === 'or' ? `(${text})` : text;
}

/**
 * A condition in canonical form, e.g. `severity >= medium and (title ~ mimikatz or mitre = T1003)`:
 * canonical field names, one space around operators, quotes only where needed, and parentheses around
 * every nested `and` or `or`. It parses back to the same condition.
 */
export function describeCondition(condition: RuleCondition): string {
  switch (condition.kind) {
    case 'and':
      return condition.operands.map(operand).join(' and ');
    case 'or':
      return condition.operands.map(operand).join(' or ');
    case 'not':
      return `not ${operand(condition.operand)}`;
    case 'severity':
    case 'source':
    case 'status':
    case 'mitre':
      return `${condition.kind} ${condition.op} ${quoteRuleText(condition.value)}`;
    case 'tag':
      return `machine.tag ${condition.op} ${quoteRuleText(condition.value)}`;
    case 'text':
      return `${condition.field} ${condition.op} ${quoteRuleText(condition.value)}`;
    case 'glob':
      return `${condition.field} ${condition.op} ${quoteRuleText(condition.pattern)}`;
    case 'regex':
      return `${condition.field} ~ /${condition.pattern}/${condition.flags}`;
  }
}
