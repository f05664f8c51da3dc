import type { Role } from '../../../domain/roles/role';
import type { RoleChange } from '../../../services/roles/role-service';

/** The role with its article: `a viewer`, `a responder`, `an admin`. */
export function aRole(role: Role): string {
  return role === 'admin' ? 'an admin' : `a ${role}`;
}

/** The answer to a role change: what changed, or a polite word on why nothing did. */
export function roleChangeAnswer(change: RoleChange, label: string): string {
  if (change.ok) {
    return change.before === change.after
      ? `${label} already was ${aRole(change.after)}: nothing changed.`
      : `Done: ${label} is now ${aRole(change.after)} (was ${aRole(change.before)}).`;
  }
  switch (change.reason) {
    case 'not-admin':
      return 'Sorry, only a Vigil admin can change roles. Ask an admin (type `roles` to see who).';
    case 'last-admin':
      return `Sorry, ${label} is the last admin: grant another admin first, so someone can still manage Vigil.`;
    case 'configured-admin':
      return `${label} is an admin from Vigil's configuration (VIGIL_ADMINS): that can only be changed there.`;
  }
}
