import type { CommandArgs } from './command-args';
import { expectNoMoreTokens } from './expect-no-more-tokens';
import { readUserArgument } from './read-user-argument';
import type { UserArgument } from './user-argument';

/** `role revoke <user>`, read. */
export interface RoleRevokeArgs {
  readonly user: UserArgument;
}

/** Reads `role revoke <user>`. Throws `CommandParseError` when the user is missing or malformed, or more follows. */
export function readRoleRevokeArgs(args: CommandArgs): RoleRevokeArgs {
  const user = readUserArgument(args, 0, 'role revoke');
  expectNoMoreTokens(args, 1, 'role revoke');
  return { user };
}
