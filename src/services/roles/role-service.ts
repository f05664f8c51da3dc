import { can, type Permission } from '../../domain/roles/permissions';
import { DEFAULT_ROLE, type Role } from '../../domain/roles/role';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../ports/clock.port';
import type { RoleGrant, Store, StoreTx } from '../ports/store.port';

/** Someone acting in Vigil: a tenant, an Entra object id (absent for some clients) and a name for show. */
export interface Person {
  readonly tenantId: string;
  readonly aadObjectId?: string;
  readonly name: string;
}

/** Why a role change was refused. */
export type RoleChangeRefusal =
  /** The actor is not an admin. */
  | 'not-admin'
  /** The change would leave the tenant with no admin. */
  | 'last-admin'
  /** The target is an admin by configuration, which a command cannot change. */
  | 'configured-admin';

/** How a role change ended: the target's role before and after, or why nothing changed. */
export type RoleChange =
  | { readonly ok: true; readonly before: Role; readonly after: Role }
  | { readonly ok: false; readonly reason: RoleChangeRefusal };

/** Who is what in Vigil, and the only way roles change. */
export interface RoleService {
  /** The person's role: configured admins are admins, then the granted role, else viewer. */
  roleOf(who: Person): Promise<Role>;
  /** Whether the person holds `permission`. */
  can(who: Person, permission: Permission): Promise<boolean>;
  /** The tenant's granted roles. */
  list(tenantId: string): Promise<RoleGrant[]>;
  /** Gives `aadObjectId` (lower case) `role`, if `by` is an admin; audited either way. */
  grant(by: Person, aadObjectId: string, role: Role): Promise<RoleChange>;
  /** Takes `aadObjectId`'s granted role away (back to viewer), if `by` is an admin; audited either way. */
  revoke(by: Person, aadObjectId: string): Promise<RoleChange>;
}

/** What the role service needs. `isConfiguredAdmin` says who the configuration makes admin. */
export interface RoleServiceDeps {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly isConfiguredAdmin: (tenantId: string, aadObjectId: string) => boolean;
}

const idOf = (who: Person) => who.aadObjectId?.toLowerCase();

/**
 * Roles keyed on `(tenantId, aadObjectId)`, never on names. Changes are made by admins only, never take
 * away the tenant's last admin, and are audited in the same transaction as the change (refusals too).
 */
export function createRoleService(deps: RoleServiceDeps): RoleService {
  const configured = (who: Person): boolean => {
    const id = idOf(who);
    return id !== undefined && deps.isConfiguredAdmin(who.tenantId, id);
  };

  const roleIn = async (tx: Pick<StoreTx, 'roles'>, who: Person): Promise<Role> => {
    const id = idOf(who);
    if (id === undefined) return DEFAULT_ROLE;
    if (configured(who)) return 'admin';
    return (await tx.roles.get(who.tenantId, id))?.role ?? DEFAULT_ROLE;
  };

  const change = (by: Person, target: string, after: Role | undefined): Promise<RoleChange> =>
    deps.store.transaction(async (tx) => {
      const targetId = target.toLowerCase();
      const targetPerson: Person = { tenantId: by.tenantId, aadObjectId: targetId, name: '' };
      const before = await roleIn(tx, targetPerson);
      const outcome = await decide(tx, by, targetPerson, before, after);
      if (outcome.ok) {
        if (after === undefined) await tx.roles.remove(by.tenantId, targetId);
        else {
          const grantedAt = new Date(deps.clock.now()).toISOString();
          await tx.roles.set({
            tenantId: by.tenantId,
            aadObjectId: targetId,
            role: after,
            grantedBy: idOf(by) ?? '',
            grantedAt,
          });
        }
      }
      await deps.audit.record(
        {
          tenantId: by.tenantId,
          actor: { aadObjectId: idOf(by) ?? '', name: by.name },
          action: after === undefined ? 'role.revoke' : 'role.grant',
          target: targetId,
          outcome: outcome.ok ? 'succeeded' : 'refused',
          details: outcome.ok
            ? { before: outcome.before, after: outcome.after }
            : { reason: outcome.reason, ...(after === undefined ? {} : { role: after }) },
        },
        tx,
      );
      return outcome;
    });

  const decide = async (
    tx: StoreTx,
    by: Person,
    target: Person,
    before: Role,
    after: Role | undefined,
  ): Promise<RoleChange> => {
    if ((await roleIn(tx, by)) !== 'admin') return { ok: false, reason: 'not-admin' };
    if (configured(target)) return { ok: false, reason: 'configured-admin' };
    const result = after ?? DEFAULT_ROLE;
    if (before === 'admin' && result !== 'admin') {
      const otherAdmins = (await tx.roles.list(by.tenantId)).filter(
        (grant) => grant.role === 'admin' && grant.aadObjectId !== target.aadObjectId,
      );
      const actorStays = idOf(by) !== target.aadObjectId;
      if (otherAdmins.length === 0 && !actorStays) return { ok: false, reason: 'last-admin' };
    }
    return { ok: true, before, after: result };
  };

  return {
    roleOf: (who) => roleIn(deps.store.repos, who),
    can: async (who, permission) => can(await roleIn(deps.store.repos, who), permission),
    list: (tenantId) => deps.store.repos.roles.list(tenantId),
    grant: (by, aadObjectId, role) => change(by, aadObjectId, role),
    revoke: (by, aadObjectId) => change(by, aadObjectId, undefined),
  };
}
