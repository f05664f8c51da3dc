import type { CommandName } from './command-names';

/** How each command with arguments is typed: `<…>` must be given, `[…]` may be. */
export const COMMAND_USAGE = {
  alerts: 'alerts [informational|low|medium|high] [open|all]',
  alert: 'alert <alert id>',
  machine: 'machine <machine name or id>',
  isolate: 'isolate <machine> [full|selective] [reason]',
  unisolate: 'unisolate <machine> [reason]',
  scan: 'scan <machine> [quick|full]',
  resolve: 'resolve <alert id> [truepositive|falsepositive|informational] [comment]',
  'role grant': 'role grant @user viewer|responder|admin',
  'role revoke': 'role revoke @user',
  audit: 'audit [alert id]',
  'rule remove': 'rule remove <rule id>',
  'rule enable': 'rule enable <rule id>',
  'rule disable': 'rule disable <rule id>',
  'rule test': 'rule test <rule id> [days, 1 to 90]',
} as const satisfies Partial<Record<CommandName, string>>;

/** A command whose arguments Vigil reads with one of the argument readers. */
export type CommandWithArguments = keyof typeof COMMAND_USAGE;

/** "Type `…`": the usage line a parse error ends with. */
export function usageHint(command: CommandWithArguments): string {
  return `Type \`${COMMAND_USAGE[command]}\`.`;
}
