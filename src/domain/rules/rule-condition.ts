import type { AlertSource, AlertStatus } from '../alerts/alert';
import type { Severity } from '../alerts/severity';

/** The operators of a rule condition, as written. */
export type RuleOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~';

/** The operators that only test (in)equality. */
export type RuleEqualityOperator = '=' | '!=';

/** The operators a severity takes: equality and the order informational < low < medium < high. */
export type RuleOrderOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** The operators of a text field: equality (case-insensitive) and `~`, a case-insensitive substring. */
export type RuleTextOperator = '=' | '!=' | '~';

/** The fields that hold free text and accept `=`, `!=`, `~ "text"` and `~ /regex/`. */
export type RuleTextField = 'category' | 'title' | 'detectionSource' | 'machine' | 'user';

/** `severity >= medium`. */
export interface SeverityCondition {
  readonly kind: 'severity';
  readonly op: RuleOrderOperator;
  readonly value: Severity;
}

/** `source = mcas`. */
export interface SourceCondition {
  readonly kind: 'source';
  readonly op: RuleEqualityOperator;
  readonly value: AlertSource;
}

/** `status = new`. */
export interface StatusCondition {
  readonly kind: 'status';
  readonly op: RuleEqualityOperator;
  readonly value: AlertStatus;
}

/**
 * `title ~ "mimikatz"`, `category = Ransomware`, `user = alice@contoso.com`. Equality and `~` ignore case;
 * `machine` also matches the host part of the name (`ws-042` matches `ws-042.contoso.com`); `user`
 * matches the user's name or UPN.
 */
export interface TextCondition {
  readonly kind: 'text';
  readonly field: RuleTextField;
  readonly op: RuleTextOperator;
  readonly value: string;
}

/** `title ~ /mimi(katz)?/i`: a regular expression checked safe when the rule was parsed. */
export interface RegexCondition {
  readonly kind: 'regex';
  readonly field: RuleTextField;
  readonly pattern: string;
  /** Some of `imsu`, in that order. */
  readonly flags: string;
}

/** `machine = ws-*`: a glob over the machine's name (`*` any run, `?` one character), ignoring case. */
export interface GlobCondition {
  readonly kind: 'glob';
  readonly field: 'machine';
  readonly op: RuleEqualityOperator;
  readonly pattern: string;
}

/** `machine.tag = "tier0"`: the alert's machine has (or, with `!=`, has not) the tag, ignoring case. */
export interface TagCondition {
  readonly kind: 'tag';
  readonly op: RuleEqualityOperator;
  readonly value: string;
}

/** `mitre = T1059`: the alert names the technique or one of its sub-techniques (T1059.001). */
export interface MitreCondition {
  readonly kind: 'mitre';
  readonly op: RuleEqualityOperator;
  /** Upper case: `T1059` or `T1059.001`. */
  readonly value: string;
}

/** One test of one field of an alert. */
export type FieldCondition =
  | SeverityCondition
  | SourceCondition
  | StatusCondition
  | TextCondition
  | RegexCondition
  | GlobCondition
  | TagCondition
  | MitreCondition;

/** `a and b and c`: every operand holds (two or more operands). */
export interface AndCondition {
  readonly kind: 'and';
  readonly operands: readonly RuleCondition[];
}

/** `a or b or c`: some operand holds (two or more operands). */
export interface OrCondition {
  readonly kind: 'or';
  readonly operands: readonly RuleCondition[];
}

/** `not a`. */
export interface NotCondition {
  readonly kind: 'not';
  readonly operand: RuleCondition;
}

/** The condition of a rule: a typed syntax tree (plain data, safe to store as JSON). */
export type RuleCondition = FieldCondition | AndCondition | OrCondition | NotCondition;
