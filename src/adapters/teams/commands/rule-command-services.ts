import type { StoredRule } from '../../../services/ports/store.port';
import type { RuleReplay } from '../../../services/rules/replay-rule';
import type { RuleService } from '../../../services/rules/rule-service';

/** What the rule commands work with. */
export interface RuleCommandServices {
  readonly service: RuleService;
  /** What a rule would have done over the last `days` (nothing is sent). */
  replay(rule: StoredRule, days: number): Promise<RuleReplay>;
}
