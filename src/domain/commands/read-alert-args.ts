import type { CommandArgs } from './command-args';
import { expectNoMoreTokens } from './expect-no-more-tokens';
import { readAlertId } from './read-alert-id';

/** `alert <id>`, read. */
export interface AlertArgs {
  readonly alertId: string;
}

/** Reads `alert <id>`. Throws `CommandParseError` when the id is missing or malformed, or more follows. */
export function readAlertArgs(args: CommandArgs): AlertArgs {
  const alertId = readAlertId(args, 0, 'alert');
  expectNoMoreTokens(args, 1, 'alert');
  return { alertId };
}
