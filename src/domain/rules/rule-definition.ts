import type { RuleAction } from './rule-action';
import type { RuleCondition } from './rule-condition';

/** The options written after a rule's actions. Absent numbers are omitted, never `undefined`. */
export interface RuleOptions {
  /** `order <n>`: 1–9999, lower runs first. */
  readonly order?: number;
  /** `stop`: later rules are not evaluated once this one matches. */
  readonly stop: boolean;
  /** `for 7d`: the rule expires this long after it was added. */
  readonly expiresInMs?: number;
  /** `dry-run`: say what the rule would do, do nothing. */
  readonly dryRun: boolean;
}

/** A parsed rule: `<name> when <condition> then <action>[, <action>…] [options]`. */
export interface RuleDefinition {
  /** Trimmed, inner whitespace collapsed, at most 80 characters. */
  readonly name: string;
  readonly condition: RuleCondition;
  /** At least one. */
  readonly actions: readonly RuleAction[];
  readonly options: RuleOptions;
  /** The rule in canonical form (`describeRule`): what parses back to this same definition. */
  readonly source: string;
}
