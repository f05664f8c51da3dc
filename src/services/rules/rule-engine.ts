import type { Alert } from '../../domain/alerts/alert';
import type { Machine } from '../../domain/machines/machine';
import { describeRuleAction } from '../../domain/rules/describe-rule-action';
import { evaluateCondition } from '../../domain/rules/evaluate-condition';
import type { MachineRuleAction, RuleAction } from '../../domain/rules/rule-action';
import type { RuleContext } from '../../domain/rules/rule-context';
import type { ActionRequest } from '../actions/action-request';
import type { ActionRequests } from '../actions/action-requests';
import { cardGroupOf } from '../actions/record-action-change';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { Store, StoredRule } from '../ports/store.port';
import type { Person } from '../roles/role-service';

/** The automatic rules at work: on every new alert, and as the approval policy of clicks. */
export interface RuleEngine {
  /** Runs the enabled rules on a new alert, in order, through the same action requests as a click. */
  onNewAlert(alert: Alert): Promise<void>;
  /** Why a machine action on this alert needs a second responder (a matching `require approval` rule). */
  approvalPolicy(alert: Alert): Promise<string | undefined>;
}

/** What the rule engine needs. */
export interface RuleEngineDeps {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly actions: ActionRequests;
  /** The tenant rules act in (Vigil serves one tenant). */
  readonly tenantId: string;
  /** Defender's record of a machine (its tags), or undefined when Defender cannot say. */
  readonly lookupMachine: (machineId: string) => Promise<Machine | undefined>;
  /** The machines a user logs on to, from Defender (`… on user machines`); absent: not available. */
  readonly userMachines?: (userName: string) => Promise<readonly Machine[]>;
  /** At most this many automatic isolations an hour; past it they wait for a second responder. */
  readonly autoIsolationsPerHour: number;
  /** Something was queued for Teams: the outbox should look now. */
  readonly onQueued: () => void;
}

const HOUR_MS = 3_600_000;

/** The most machines of one user a rule acts on. */
const MAX_USER_MACHINES = 10;

/** Who a rule acts as: not a person, so the audit log and Defender's comment name the rule. */
function ruleActor(rule: StoredRule, tenantId: string): Person {
  return { tenantId, aadObjectId: `rule:${rule.id}`, name: rule.definition.name };
}

/** `r3 "High sev isolate"`. */
function ruleLabel(rule: StoredRule): string {
  return `${rule.id} "${rule.definition.name}"`;
}

/**
 * Creates the rule engine. Rules run in order (`order`, then age); an expired or disabled rule is
 * skipped; `stop` ends the run after a match; `dry-run` only says in the thread what the rule would have
 * done. Actions go through `ActionRequests` exactly like a click (one request per intent, protected
 * machines wait for approval, audit), with the rule as the requester, so the card names the rule. Past
 * `autoIsolationsPerHour` automatic isolations, further ones wait for a second responder.
 */
export function createRuleEngine(deps: RuleEngineDeps): RuleEngine {
  const now = () => deps.clock.now();

  const activeRules = async (): Promise<StoredRule[]> =>
    (await deps.store.repos.rules.list()).filter(
      (rule) => rule.enabled && (rule.expiresAt === undefined || Date.parse(rule.expiresAt) > now()),
    );

  const contextOf = async (alert: Alert): Promise<RuleContext> => {
    if (alert.machine === undefined) return {};
    const machine = await deps.lookupMachine(alert.machine.id).catch(() => undefined);
    return { machine: { name: machine?.name ?? alert.machine.name, tags: machine?.tags ?? [] } };
  };

  const reply = async (alert: Alert, text: string): Promise<void> => {
    await deps.store.transaction(async (tx) => {
      const groupId = await cardGroupOf(tx, alert.id);
      if (groupId === undefined) return;
      const at = new Date(now()).toISOString();
      await tx.outbox.enqueue({ kind: 'reply', groupId, payload: { text, plain: true }, at });
    });
    deps.onQueued();
  };

  /** Why an automatic isolation must wait now: the hourly cap is reached. */
  const capReason = async (): Promise<string | undefined> => {
    const since = new Date(now() - HOUR_MS).toISOString();
    const recent = await deps.store.repos.actions.list({ kinds: ['isolate'], since, limit: 1000 });
    const automatic = recent.filter((action) => action.origin === 'rule').length;
    return automatic >= deps.autoIsolationsPerHour
      ? `${automatic} automatic isolations in the last hour reached the limit of ${deps.autoIsolationsPerHour}`
      : undefined;
  };

  /** The request one rule action makes, or a note saying why it makes none. */
  const requestOf = async (
    rule: StoredRule,
    action: RuleAction,
    alert: Alert,
    approval: string | undefined,
  ): Promise<Omit<ActionRequest, 'by' | 'origin' | 'alertId'> | string> => {
    const because = `rule ${ruleLabel(rule)}`;
    switch (action.kind) {
      case 'isolate':
      case 'unisolate':
      case 'scan': {
        if (alert.machine === undefined) return 'the alert names no machine: nothing was sent';
        const cap = action.kind === 'isolate' ? await capReason() : undefined;
        const wait = approval ?? cap;
        const params =
          action.kind === 'isolate'
            ? { isolationType: action.isolationType }
            : action.kind === 'scan'
              ? { scanType: action.scanType }
              : {};
        return {
          kind: action.kind,
          machineId: alert.machine.id,
          params,
          ...(wait ? { approvalReason: wait } : {}),
        };
      }
      case 'resolve':
        return {
          kind: 'resolve',
          params: { classification: action.classification, comment: `Resolved by ${because}` },
        };
      case 'assign':
        return { kind: 'assign', params: { assignee: action.assignee } };
      default:
        return '';
    }
  };

  /**
   * Asks for one rule action on the alert (as the rule), and returns what to say about it. `userMachine`
   * is the user's machine it acts on, for an alert that names a user rather than a machine.
   */
  const ask = async (
    rule: StoredRule,
    action: RuleAction,
    alert: Alert,
    approval: string | undefined,
    userMachine?: { id: string; name: string },
  ): Promise<string> => {
    const request = await requestOf(rule, action, alert, approval);
    if (typeof request === 'string') return request;
    const outcome = await deps.actions.request({
      ...request,
      origin: 'rule',
      by: ruleActor(rule, deps.tenantId),
      alertId: alert.id,
      ...(userMachine ? { userMachine } : {}),
    });
    return outcome.message;
  };

  /** A machine action on each machine of the alert's user, one tracked request apiece. */
  const onUserMachines = async (
    rule: StoredRule,
    action: MachineRuleAction,
    alert: Alert,
    approval: string | undefined,
  ): Promise<string> => {
    if (alert.user === undefined) return 'the alert names no user: nothing was sent';
    if (deps.userMachines === undefined)
      return "the user's machines cannot be looked up here: nothing was sent";
    const user = alert.user.upn ?? alert.user.name;
    const machines = (await deps.userMachines(user)).slice(0, MAX_USER_MACHINES);
    if (machines.length === 0) return `Defender knows no machine of ${user}: nothing was sent`;
    const answers: string[] = [];
    for (const machine of machines) {
      const target = { id: machine.id, name: machine.name };
      answers.push(
        `${machine.name}: ${await ask(rule, action, { ...alert, machine: target }, approval, target)}`,
      );
    }
    return answers.join(' · ');
  };

  const run = async (rule: StoredRule, alert: Alert): Promise<void> => {
    const planned = rule.definition.actions.map(describeRuleAction);
    await deps.audit.record({
      tenantId: deps.tenantId,
      actor: { aadObjectId: `rule:${rule.id}`, name: rule.definition.name },
      action: 'rule.match',
      target: alert.id,
      outcome: 'succeeded',
      details: { ruleId: rule.id, actions: planned, dryRun: rule.definition.options.dryRun },
    });
    if (rule.definition.options.dryRun) {
      await reply(
        alert,
        `🧪 Rule ${ruleLabel(rule)} (dry run) matched this alert and would have: ${planned.join(', ')}.`,
      );
      return;
    }
    const approval = rule.definition.actions.some((action) => action.kind === 'requireApproval')
      ? `rule ${ruleLabel(rule)} requires a second responder's approval`
      : undefined;
    const lines: string[] = [];
    for (const action of rule.definition.actions) {
      const label = describeRuleAction(action);
      if (action.kind === 'notifyChannel') {
        lines.push(`${label}: done`);
        continue;
      }
      if (action.kind === 'notifyUser') {
        lines.push(`${label}: ${action.upn}, this alert is for you`);
        continue;
      }
      if (action.kind === 'requireApproval') continue;
      if (
        (action.kind === 'isolate' || action.kind === 'unisolate' || action.kind === 'scan') &&
        action.onUserMachines
      ) {
        lines.push(`${label}: ${await onUserMachines(rule, action, alert, approval)}`);
        continue;
      }
      lines.push(`${label}: ${await ask(rule, action, alert, approval)}`);
    }
    if (lines.length > 0)
      await reply(alert, `⚙️ Rule ${ruleLabel(rule)} matched this alert. ${lines.join(' · ')}`);
  };

  return {
    async onNewAlert(alert) {
      const rules = await activeRules();
      if (rules.length === 0) return;
      const context = await contextOf(alert);
      for (const rule of rules) {
        if (!evaluateCondition(rule.definition.condition, alert, context)) continue;
        try {
          await run(rule, alert);
        } catch (error) {
          deps.logger.error(
            { ruleId: rule.id, alertId: alert.id, error: String(error) },
            'A rule failed on an alert',
          );
        }
        if (rule.definition.options.stop) break;
      }
    },

    async approvalPolicy(alert) {
      const rules = (await activeRules()).filter((rule) =>
        rule.definition.actions.some((action) => action.kind === 'requireApproval'),
      );
      if (rules.length === 0) return undefined;
      const context = await contextOf(alert);
      const match = rules.find((rule) => evaluateCondition(rule.definition.condition, alert, context));
      return match ? `rule ${ruleLabel(match)} requires a second responder's approval` : undefined;
    },
  };
}
