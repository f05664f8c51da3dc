/** Vigil's roles, weakest first: each role may do everything the ones before it may. */
export const ROLES = ['viewer', 'responder', 'admin'] as const;

/** What someone may do in Vigil. Anyone without a granted role is a viewer. */
export type Role = (typeof ROLES)[number];

/** The role of anyone Vigil has no grant for. */
export const DEFAULT_ROLE: Role = 'viewer';

/** The role a word names (any case, surrounding spaces ignored), or `undefined`. */
export function parseRole(text: string): Role | undefined {
  const word = text.trim().toLowerCase();
  return ROLES.find((role) => role === word);
}

/** Whether `role` is `minimum` or stronger. */
export function isAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
