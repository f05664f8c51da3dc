import type { CommandArgs } from './command-args';
import { expectNoMoreTokens } from './expect-no-more-tokens';
import { readAlertId } from './read-alert-id';

/** `audit [alertId]`, read. */
export interface AuditArgs {
  /** Only this alert's entries; the latest entries of all when absent. */
  readonly alertId?: string;
}

/** Reads `audit [alertId]`. Throws `CommandParseError` when the id is malformed or more follows. */
export function readAuditArgs(args: CommandArgs): AuditArgs {
  if (args.tokens.length === 0) return {};
  const alertId = readAlertId(args, 0, 'audit');
  expectNoMoreTokens(args, 1, 'audit');
  return { alertId };
}
