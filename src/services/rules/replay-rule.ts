import type { Machine } from '../../domain/machines/machine';
import { describeRuleAction } from '../../domain/rules/describe-rule-action';
import { evaluateCondition } from '../../domain/rules/evaluate-condition';
import type { RuleContext } from '../../domain/rules/rule-context';
import type { AlertRepository, StoredRule } from '../ports/store.port';

/** What a rule would have done over a past period. */
export interface RuleReplay {
  readonly days: number;
  /** Stored alerts raised in the period that were looked at. */
  readonly alertsSeen: number;
  /** The ids of those the rule's condition matched, newest first. */
  readonly matchedAlertIds: readonly string[];
  /** The machines of the matched alerts, by name, each once. */
  readonly machines: readonly string[];
  /** Each action with how many times it would have been asked for. */
  readonly actions: readonly { readonly action: string; readonly times: number }[];
}

/** The most alerts a replay looks at, and the most machines it asks Defender about (for their tags). */
const MAX_ALERTS = 10_000;
const MAX_LOOKUPS = 50;

/**
 * Replays the stored alerts raised in the last `days` against a rule's condition, acting on nothing: how
 * many alerts it matches, on which machines, and which actions it would have asked for. Machine tags come
 * from Defender (the first `MAX_LOOKUPS` machines; the others are judged on their names only).
 */
export async function replayRule(
  rule: StoredRule,
  days: number,
  deps: {
    readonly alerts: Pick<AlertRepository, 'list'>;
    readonly lookupMachine: (machineId: string) => Promise<Machine | undefined>;
    readonly nowMs: number;
  },
): Promise<RuleReplay> {
  const since = new Date(deps.nowMs - days * 86_400_000).toISOString();
  const stored = await deps.alerts.list({ createdSince: since, limit: MAX_ALERTS });
  const tags = new Map<string, readonly string[]>();
  const matched: string[] = [];
  const machines = new Set<string>();
  for (const { alert } of stored) {
    let context: RuleContext = {};
    if (alert.machine) {
      const id = alert.machine.id;
      if (!tags.has(id) && tags.size < MAX_LOOKUPS) {
        tags.set(id, (await deps.lookupMachine(id).catch(() => undefined))?.tags ?? []);
      }
      context = { machine: { name: alert.machine.name, tags: tags.get(id) ?? [] } };
    }
    if (!evaluateCondition(rule.definition.condition, alert, context)) continue;
    matched.push(alert.id);
    if (alert.machine) machines.add(alert.machine.name);
  }
  const actions = rule.definition.actions.map((action) => ({
    action: describeRuleAction(action),
    times: matched.length,
  }));
  return { days, alertsSeen: stored.length, matchedAlertIds: matched, machines: [...machines], actions };
}
