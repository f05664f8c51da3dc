import { quoteRuleText } from './quote-rule-text';
import type { RuleAction } from './rule-action';

const CLASSIFICATION_WORDS = {
  truePositive: 'truepositive',
  falsePositive: 'falsepositive',
  informationalExpectedActivity: 'informational',
} as const;

/** An action in canonical form: `isolate full`, `scan quick on user machines`, `notify channel`… */
export function describeRuleAction(action: RuleAction): string {
  const onUser = 'onUserMachines' in action && action.onUserMachines ? ' on user machines' : '';
  switch (action.kind) {
    case 'isolate':
      return `isolate ${action.isolationType.toLowerCase()}${onUser}`;
    case 'unisolate':
      return `unisolate${onUser}`;
    case 'scan':
      return `scan ${action.scanType.toLowerCase()}${onUser}`;
    case 'resolve':
      return `resolve as ${CLASSIFICATION_WORDS[action.classification]}`;
    case 'assign':
      return `assign ${quoteRuleText(action.assignee)}`;
    case 'notifyChannel':
      return 'notify channel';
    case 'notifyUser':
      return `notify ${quoteRuleText(action.upn)}`;
    case 'requireApproval':
      return 'require approval';
  }
}
