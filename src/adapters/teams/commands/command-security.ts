import type { Permission } from '../../../domain/roles/permissions';
import { type AuditLog, createAuditLog } from '../../../services/audit/audit-log';
import { createRoleService, type Person, type RoleService } from '../../../services/roles/role-service';
import { sha256Hex } from '../../audit/sha256-hex';
import type { TurnUser } from '../turn';
import type { CommandServices } from './teams-command';

/** The role service and audit log commands use, over the bot's store and clock. */
export interface CommandSecurity {
  readonly roles: RoleService;
  readonly audit: AuditLog;
}

/** The role service and the audit log (SHA-256 chained) over the command services. */
export function commandSecurity(services: CommandServices): CommandSecurity {
  const audit = createAuditLog({ store: services.store, clock: services.clock, hash: sha256Hex });
  const roles = createRoleService({
    store: services.store,
    audit,
    clock: services.clock,
    isConfiguredAdmin: (tenantId, aadObjectId) => services.isAdmin({ tenantId, aadObjectId }),
  });
  return { roles, audit };
}

/** The person behind a turn, as the role service knows people. */
export function personOf(user: TurnUser): Person {
  return {
    tenantId: user.tenantId,
    name: user.name,
    ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}),
  };
}

/** The audit log's actor for a turn's user. */
export function actorOf(user: TurnUser): { aadObjectId: string; name: string } {
  return { aadObjectId: user.aadObjectId?.toLowerCase() ?? '', name: user.name };
}

/**
 * Whether the turn's user holds `permission`; when not, writes the refusal to the audit log (as
 * `action` on `target`) so a refused command leaves a trace, and changes nothing else.
 */
export async function permitted(
  security: CommandSecurity,
  user: TurnUser,
  permission: Permission,
  refused: { readonly action: string; readonly target?: string | null },
): Promise<boolean> {
  if (await security.roles.can(personOf(user), permission)) return true;
  await security.audit.record({
    tenantId: user.tenantId,
    actor: actorOf(user),
    action: refused.action,
    target: refused.target ?? null,
    outcome: 'refused',
    details: { reason: 'permission', permission },
  });
  return false;
}
