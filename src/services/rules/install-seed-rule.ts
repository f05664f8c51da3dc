import { parseRule } from '../../domain/rules/parse-rule';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../ports/clock.port';
import type { Store, StoredRule } from '../ports/store.port';

/** The rule of the seed document: a high-severity alert isolates its machine and tells the channel. */
export const SEED_RULE_TEXT = '"High sev isolate" when severity = high then isolate full, notify channel';

/** The setting that records that the seed rule was installed once (removing it is then for good). */
const SEEDED = 'rules.seeded';

/**
 * Installs the seed rule on the very first start: enabled in demo mode, disabled in production (an admin
 * enables it with `rule enable`). Returns the rule when it was installed now, undefined on later starts
 * or when a rule of that name already exists. Audited as Vigil's own action.
 */
export async function installSeedRule(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly enabled: boolean;
  readonly tenantId: string;
}): Promise<StoredRule | undefined> {
  return deps.store.transaction(async (tx) => {
    if ((await tx.settings.get(SEEDED)) !== undefined) return undefined;
    await tx.settings.set(SEEDED, new Date(deps.clock.now()).toISOString());
    const definition = parseRule(SEED_RULE_TEXT);
    if (await tx.rules.getByName(definition.name)) return undefined;
    const now = new Date(deps.clock.now()).toISOString();
    const actor = { aadObjectId: 'vigil', name: 'Vigil' };
    const rule: StoredRule = {
      id: `r${await tx.rules.nextNumber()}`,
      definition,
      enabled: deps.enabled,
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    };
    await tx.rules.insert(rule);
    await deps.audit.record(
      {
        tenantId: deps.tenantId,
        actor,
        action: 'rule.add',
        target: rule.id,
        outcome: 'succeeded',
        details: { rule: definition.source, enabled: rule.enabled, seed: true },
      },
      tx,
    );
    return rule;
  });
}
