import { isVigilError } from '../../domain/errors/vigil-error';
import { describeRule } from '../../domain/rules/describe-rule';
import { parseRule } from '../../domain/rules/parse-rule';
import { RULE_AUTHOR_ASSIGNEE } from '../../domain/rules/rule-action';
import type { RuleDefinition } from '../../domain/rules/rule-definition';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../ports/clock.port';
import type { Store, StoredRule } from '../ports/store.port';
import type { Person, RoleService } from '../roles/role-service';

/** How a change to the rules ended, with the answer for the admin. */
export type RuleChangeOutcome =
  | { readonly ok: true; readonly rule: StoredRule; readonly message: string }
  | { readonly ok: false; readonly message: string };

/** Adding, removing, enabling and disabling automatic rules: admins only, always audited. */
export interface RuleService {
  /** Every rule, in running order. */
  list(): Promise<StoredRule[]>;
  /**
   * Parses and adds a rule (`text` is what follows `rule add`). `signInName` stands for `assign me`;
   * without it such a rule is refused. `enabled` false adds it switched off.
   */
  add(
    by: Person,
    text: string,
    options?: { signInName?: string; enabled?: boolean },
  ): Promise<RuleChangeOutcome>;
  remove(by: Person, id: string): Promise<RuleChangeOutcome>;
  setEnabled(by: Person, id: string, enabled: boolean): Promise<RuleChangeOutcome>;
}

/** What the rule service needs. */
export interface RuleServiceDeps {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly roles: RoleService;
  readonly clock: Clock;
}

const actorOf = (who: Person) => ({ aadObjectId: who.aadObjectId?.toLowerCase() ?? '', name: who.name });

/** The definition with `assign me` made the author's sign-in name; undefined when it cannot be. */
function withAuthor(definition: RuleDefinition, signInName: string | undefined): RuleDefinition | undefined {
  const needsAuthor = definition.actions.some(
    (action) => action.kind === 'assign' && action.assignee === RULE_AUTHOR_ASSIGNEE,
  );
  if (!needsAuthor) return definition;
  if (signInName === undefined) return undefined;
  const replaced = {
    ...definition,
    actions: definition.actions.map((action) =>
      action.kind === 'assign' && action.assignee === RULE_AUTHOR_ASSIGNEE
        ? { ...action, assignee: signInName.toLowerCase() }
        : action,
    ),
  };
  // The source is the canonical form of the definition: it must name the address, not `me`.
  return { ...replaced, source: describeRule(replaced) };
}

/**
 * Creates the rule service. Every change needs `rule.manage` (admins); a refusal, a rule that does not
 * parse and every change are written to the audit log, the change in the same transaction.
 */
export function createRuleService(deps: RuleServiceDeps): RuleService {
  const nowIso = () => new Date(deps.clock.now()).toISOString();

  const refused = async (
    by: Person,
    action: string,
    target: string | null,
    details: Record<string, unknown>,
    message: string,
  ) => {
    await deps.audit.record({
      tenantId: by.tenantId,
      actor: actorOf(by),
      action,
      target,
      outcome: 'refused',
      details,
    });
    return { ok: false as const, message };
  };

  const mayManage = async (
    by: Person,
    action: string,
    target: string | null,
  ): Promise<RuleChangeOutcome | undefined> => {
    if (await deps.roles.can(by, 'rule.manage')) return undefined;
    return refused(
      by,
      action,
      target,
      { reason: 'permission', permission: 'rule.manage' },
      'Only Vigil admins can change the automatic rules.',
    );
  };

  const change = async (
    by: Person,
    id: string,
    action: string,
    apply: (rule: StoredRule) => StoredRule | 'remove',
    describe: (rule: StoredRule) => string,
  ): Promise<RuleChangeOutcome> => {
    const denied = await mayManage(by, action, id);
    if (denied) return denied;
    return deps.store.transaction(async (tx) => {
      const rule = await tx.rules.get(id.toLowerCase());
      if (rule === undefined)
        return { ok: false, message: `There is no rule ${id}. Type \`rules\` to see them.` };
      const next = apply(rule);
      if (next === 'remove') await tx.rules.remove(rule.id);
      else await tx.rules.update(next);
      await deps.audit.record(
        {
          tenantId: by.tenantId,
          actor: actorOf(by),
          action,
          target: rule.id,
          outcome: 'succeeded',
          details: { name: rule.definition.name },
        },
        tx,
      );
      return { ok: true, rule: next === 'remove' ? rule : next, message: describe(rule) };
    });
  };

  return {
    list: () => deps.store.repos.rules.list(),

    async add(by, text, options = {}) {
      const denied = await mayManage(by, 'rule.add', null);
      if (denied) return denied;
      let parsed: RuleDefinition;
      try {
        parsed = parseRule(text);
      } catch (error) {
        if (!isVigilError(error)) throw error;
        return refused(by, 'rule.add', null, { reason: 'invalid', code: error.code }, error.friendlyMessage);
      }
      const definition = withAuthor(parsed, options.signInName);
      if (definition === undefined) {
        return refused(
          by,
          'rule.add',
          null,
          { reason: 'invalid' },
          'Vigil could not read your sign-in name from Teams for `assign me`: write the address instead.',
        );
      }
      return deps.store.transaction(async (tx) => {
        if (await tx.rules.getByName(definition.name)) {
          return {
            ok: false,
            message: `A rule named "${definition.name}" exists already: remove it first, or choose another name.`,
          };
        }
        const now = nowIso();
        const expires = definition.options.expiresInMs;
        const rule: StoredRule = {
          id: `r${await tx.rules.nextNumber()}`,
          definition,
          enabled: options.enabled ?? true,
          createdBy: actorOf(by),
          createdAt: now,
          updatedAt: now,
          ...(expires === undefined ? {} : { expiresAt: new Date(deps.clock.now() + expires).toISOString() }),
        };
        await tx.rules.insert(rule);
        await deps.audit.record(
          {
            tenantId: by.tenantId,
            actor: actorOf(by),
            action: 'rule.add',
            target: rule.id,
            outcome: 'succeeded',
            details: { rule: definition.source, enabled: rule.enabled },
          },
          tx,
        );
        const state = rule.enabled
          ? definition.options.dryRun
            ? 'enabled, dry run: it only says what it would do'
            : 'enabled'
          : 'disabled';
        return { ok: true, rule, message: `Added rule ${rule.id} (${state}): ${definition.source}` };
      });
    },

    remove: (by, id) =>
      change(
        by,
        id,
        'rule.remove',
        () => 'remove',
        (rule) => `Removed rule ${rule.id} "${rule.definition.name}".`,
      ),

    setEnabled: (by, id, enabled) =>
      change(
        by,
        id,
        enabled ? 'rule.enable' : 'rule.disable',
        (rule) => ({ ...rule, enabled, updatedAt: nowIso() }),
        (rule) => `Rule ${rule.id} "${rule.definition.name}" is now ${enabled ? 'enabled' : 'disabled'}.`,
      ),
  };
}
