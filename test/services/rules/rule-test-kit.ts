import type { Alert } from '../../../src/domain/alerts/alert';
import type { Machine } from '../../../src/domain/machines/machine';
import type { ActionRequests } from '../../../src/services/actions/action-requests';
import type { Logger } from '../../../src/services/ports/logger.port';
import type { StoredRule } from '../../../src/services/ports/store.port';
import { createRuleEngine, type RuleEngine } from '../../../src/services/rules/rule-engine';
import { createRuleService, type RuleService } from '../../../src/services/rules/rule-service';
import { type ActionKit, actionKit, BOSS, TENANT } from '../actions/action-test-kit';

/** One line the recording logger received. */
export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

/** A logger that keeps every line. */
export function recordingLogger(lines: LogLine[]): Logger {
  const logger: Logger = {
    debug: (fields, message) => lines.push({ level: 'debug', fields, message }),
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
    error: (fields, message) => lines.push({ level: 'error', fields, message }),
    child: () => logger,
  };
  return logger;
}

/** The action kit with the rule service and a rule engine over the kit's requests. */
export interface RuleKit {
  readonly kit: ActionKit;
  readonly rules: RuleService;
  readonly engine: RuleEngine;
  readonly logs: LogLine[];
  /** How often the engine called `onQueued`. */
  readonly engineKicks: { queued: number };
  /** Boss (an admin) adds the rule; throws when it is refused. */
  add(text: string, options?: { signInName?: string; enabled?: boolean }): Promise<StoredRule>;
  /** The stored alert (throws when there is none). */
  alert(id: string): Promise<Alert>;
}

/**
 * A rule kit: `autoIsolationsPerHour` is 10 unless given; `actions` replaces the kit's requests in the
 * engine (to wrap them).
 */
export async function ruleKit(
  options: {
    autoIsolationsPerHour?: number;
    actions?: (kit: ActionKit) => ActionRequests;
    userMachines?: (userName: string) => Promise<readonly Machine[]>;
  } = {},
): Promise<RuleKit> {
  const kit = await actionKit();
  const logs: LogLine[] = [];
  const engineKicks = { queued: 0 };
  const rules = createRuleService({ store: kit.store, audit: kit.audit, roles: kit.roles, clock: kit.clock });
  const engine = createRuleEngine({
    store: kit.store,
    audit: kit.audit,
    clock: kit.clock,
    logger: recordingLogger(logs),
    actions: options.actions?.(kit) ?? kit.requests,
    tenantId: TENANT,
    lookupMachine: async (id) => kit.machines.get(id),
    autoIsolationsPerHour: options.autoIsolationsPerHour ?? 10,
    ...(options.userMachines ? { userMachines: options.userMachines } : {}),
    onQueued: () => {
      engineKicks.queued += 1;
    },
  });
  return {
    kit,
    rules,
    engine,
    logs,
    engineKicks,
    async add(text, addOptions) {
      const outcome = await rules.add(BOSS, text, addOptions);
      if (!outcome.ok) throw new Error(`Rule refused: ${outcome.message}`);
      return outcome.rule;
    },
    async alert(id) {
      const stored = await kit.store.repos.alerts.get(id);
      if (stored === undefined) throw new Error(`No alert ${id}`);
      return stored.alert;
    },
  };
}
