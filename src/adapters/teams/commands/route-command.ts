import { suggestCommand } from '../../../domain/commands/suggest-command';
import type { Turn } from '../turn';
import { alertCommand } from './alert-command';
import { alertsCommand } from './alerts-command';
import { auditCommand } from './audit-command';
import { channelHereCommand } from './channel-here-command';
import { helpCommand } from './help-command';
import { isolateCommand } from './isolate-command';
import { machineCommand } from './machine-command';
import { resolveCommand } from './resolve-command';
import { roleGrantCommand } from './role-grant-command';
import { roleRevokeCommand } from './role-revoke-command';
import { rolesCommand } from './roles-command';
import {
  ruleAddCommand,
  ruleDisableCommand,
  ruleEnableCommand,
  ruleRemoveCommand,
  rulesCommand,
  ruleTestCommand,
} from './rule-commands';
import { scanCommand } from './scan-command';
import type { CommandServices, TeamsCommand } from './teams-command';
import { unisolateCommand } from './unisolate-command';

/** A command typed and listed by `help`, but left out of Teams' command menu (10 commands per scope). */
const offMenu = (command: TeamsCommand): TeamsCommand => ({ ...command, menu: false });

/**
 * Every typed command Vigil knows so far, `help` first. Teams' menu holds 10 commands per scope, so the
 * rarer ones (`unisolate`, offered on the card once a machine is isolated, and the admins' role changes)
 * are typed only.
 */
export const COMMANDS: readonly TeamsCommand[] = Object.freeze([
  helpCommand,
  alertsCommand,
  alertCommand,
  machineCommand,
  isolateCommand,
  offMenu(unisolateCommand),
  scanCommand,
  resolveCommand,
  channelHereCommand,
  rolesCommand,
  offMenu(roleGrantCommand),
  offMenu(roleRevokeCommand),
  auditCommand,
  offMenu(rulesCommand),
  offMenu(ruleAddCommand),
  offMenu(ruleRemoveCommand),
  offMenu(ruleEnableCommand),
  offMenu(ruleDisableCommand),
  offMenu(ruleTestCommand),
]);

/** What is answered to anything that is not a command yet. */
export const NOT_A_COMMAND_YET =
  "I don't know that one. Type `help` to see every command I understand, or `help <command>` for one.";

/**
 * The answer to a text that is no command: the closest commands when it looks like a typo ("Did you
 * mean `roles`?"), else a pointer to `help`.
 */
export function unknownCommandAnswer(text: string, commands: readonly TeamsCommand[]): string {
  const closest = suggestCommand(
    text,
    commands.map((command) => command.name),
  );
  if (closest.length === 0) return NOT_A_COMMAND_YET;
  const names = closest.map((name) => `\`${name}\``).join(' or ');
  return `I don't know that command. Did you mean ${names}? Type \`help\` to see everything I understand.`;
}

/** The text as a command: no mention markup or HTML spaces, single-spaced, lower case. */
export function normalizeCommandText(text: string): string {
  return text
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A command the text names, and what follows its words as typed. */
export interface CommandMatch {
  readonly command: TeamsCommand;
  readonly args: string;
}

/**
 * The command the text names: the text is the command's words, or (for a command that takes arguments)
 * starts with them and a space. The longest name wins, so `role grant` is never taken for `role`.
 */
export function matchCommand(text: string, commands: readonly TeamsCommand[]): CommandMatch | undefined {
  const words = normalizeCommandText(text);
  const typed = text
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const longestFirst = [...commands].sort((a, b) => b.name.length - a.name.length);
  for (const command of longestFirst) {
    if (words === command.name) return { command, args: '' };
    if (command.takesArguments === true && words.startsWith(`${command.name} `)) {
      return { command, args: typed.slice(command.name.length + 1).trim() };
    }
  }
  return undefined;
}

/**
 * Runs the command the text names (the mention already removed) and returns the answer. Anything else
 * gets a pointer to `help`. A later release replaces this matching with the full command grammar.
 */
export async function routeCommand(
  text: string,
  turn: Turn,
  services: CommandServices,
  commands: readonly TeamsCommand[] = COMMANDS,
): Promise<string> {
  const match = matchCommand(text, commands);
  turn.log.info({ command: match?.command.name ?? '(unknown)' }, 'Typed command');
  if (match === undefined) return unknownCommandAnswer(text, commands);
  return match.command.handle({ turn, services, args: match.args, commands });
}
