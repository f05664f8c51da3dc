import { parseRole, type Role } from '../roles/role';
import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';
import { usageHint } from './command-usage';
import { endOfArguments } from './end-of-arguments';
import { expectNoMoreTokens } from './expect-no-more-tokens';
import { quoteTyped } from './quote-typed';
import { readUserArgument } from './read-user-argument';
import type { UserArgument } from './user-argument';

/** `role grant <user> <role>`, read. */
export interface RoleGrantArgs {
  readonly user: UserArgument;
  readonly role: Role;
}

const EXPECTED = 'a role (viewer, responder or admin)';

/** Reads `role grant <user> <viewer|responder|admin>`. Throws `CommandParseError` when either is missing or malformed, or more follows. */
export function readRoleGrantArgs(args: CommandArgs): RoleGrantArgs {
  const user = readUserArgument(args, 0, 'role grant');
  const token = args.tokens[1];
  if (token === undefined) {
    throw new CommandParseError(
      `Which role? Expected a role (viewer, responder or admin). ${usageHint('role grant')}`,
      endOfArguments(args),
      EXPECTED,
    );
  }
  const role = token.kind === 'mention' ? undefined : parseRole(token.value);
  if (role === undefined) {
    throw new CommandParseError(
      `${quoteTyped(token.raw)} is not a role: expected a role (viewer, responder or admin). ${usageHint('role grant')}`,
      token.position,
      EXPECTED,
    );
  }
  expectNoMoreTokens(args, 2, 'role grant');
  return { user, role };
}
