import { isAtLeast, type Role } from './role';

/** The minimum role of each permission. */
const MINIMUM_ROLE = {
  /** See alerts, cards and the role list. */
  'alert.read': 'viewer',
  /** Click a response button or type a response command (isolate, scan, resolve…). */
  'alert.act': 'responder',
  /** Read the audit log in Teams. */
  'audit.read': 'responder',
  /** Grant and revoke roles. */
  'role.manage': 'admin',
  /** Add, remove, enable or disable automatic rules. */
  'rule.manage': 'admin',
  /** Choose the channel alert cards go to. */
  'channel.choose': 'admin',
} as const satisfies Record<string, Role>;

/** Something a role may or may not do. */
export type Permission = keyof typeof MINIMUM_ROLE;

/** The weakest role that holds `permission`. */
export function requiredRole(permission: Permission): Role {
  return MINIMUM_ROLE[permission];
}

/** Whether `role` holds `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return isAtLeast(role, requiredRole(permission));
}
