/** Roles that may read machines (defender-api.md §1); also what users→machines accepts. */
export const MACHINE_READ_ROLES = ['Machine.Read.All', 'Machine.ReadWrite.All'] as const;
