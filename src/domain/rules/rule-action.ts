import type { AlertClassification } from '../alerts/alert';
import type { IsolationType, ScanType } from '../machines/machine-action';

/** `isolate [full|selective] [on user machines]`. */
export interface IsolateRuleAction {
  readonly kind: 'isolate';
  readonly isolationType: IsolationType;
  /** Act on the machines of the alert's user (MCAS alerts) rather than the alert's machine. */
  readonly onUserMachines: boolean;
}

/** `unisolate [on user machines]`. */
export interface UnisolateRuleAction {
  readonly kind: 'unisolate';
  readonly onUserMachines: boolean;
}

/** `scan [quick|full] [on user machines]`. */
export interface ScanRuleAction {
  readonly kind: 'scan';
  readonly scanType: ScanType;
  readonly onUserMachines: boolean;
}

/** `resolve as truepositive|falsepositive|informational`. */
export interface ResolveRuleAction {
  readonly kind: 'resolve';
  readonly classification: AlertClassification;
}

/** The assignee that stands for the admin who adds the rule (`assign me`). */
export const RULE_AUTHOR_ASSIGNEE = 'me';

/** `assign secops@contoso.com`, or `assign me` (see `RULE_AUTHOR_ASSIGNEE`). */
export interface AssignRuleAction {
  readonly kind: 'assign';
  /** An address, lower case, or `me`. */
  readonly assignee: string;
}

/** `notify channel`: post in the channel the rule was added in. */
export interface NotifyChannelRuleAction {
  readonly kind: 'notifyChannel';
}

/** `notify alice@contoso.com`: tell one person. */
export interface NotifyUserRuleAction {
  readonly kind: 'notifyUser';
  /** An address, lower case. */
  readonly upn: string;
}

/** `require approval`: machine actions on matching alerts need a second responder. */
export interface RequireApprovalRuleAction {
  readonly kind: 'requireApproval';
}

/** The machine actions: the ones that may act `on user machines`. */
export type MachineRuleAction = IsolateRuleAction | UnisolateRuleAction | ScanRuleAction;

/** What a rule does when its condition holds. */
export type RuleAction =
  | MachineRuleAction
  | ResolveRuleAction
  | AssignRuleAction
  | NotifyChannelRuleAction
  | NotifyUserRuleAction
  | RequireApprovalRuleAction;
