/** Roles that may read MDE users: an alert's user, a machine's logged-on users (defender-api.md §1). */
export const USER_READ_ROLES = ['User.Read.All'] as const;
