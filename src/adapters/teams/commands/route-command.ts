import type { Turn } from '../turn';
import { channelHereCommand } from './channel-here-command';
import { helpCommand } from './help-command';
import type { CommandServices, TeamsCommand } from './teams-command';

/** Every typed command Vigil knows so far. */
export const COMMANDS: readonly TeamsCommand[] = Object.freeze([helpCommand, channelHereCommand]);

/** What is answered to anything that is not a command yet. */
export const NOT_A_COMMAND_YET =
  "I don't know that one yet: typed commands such as `alerts` or `isolate` arrive in a later release of Vigil. Type `help` to see what I understand now.";

/** The text as a command: no mention markup or HTML spaces, single-spaced, lower case. */
export function normalizeCommandText(text: string): string {
  return text
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Runs the command the text names (the mention already removed) and returns the answer. Anything else
 * gets a pointer to `help`. A later release replaces the exact match with the full command grammar.
 */
export async function routeCommand(
  text: string,
  turn: Turn,
  services: CommandServices,
  commands: readonly TeamsCommand[] = COMMANDS,
): Promise<string> {
  const words = normalizeCommandText(text);
  const command = commands.find((candidate) => candidate.name === words);
  turn.log.info({ command: command?.name ?? '(unknown)' }, 'Typed command');
  if (command === undefined) return NOT_A_COMMAND_YET;
  return command.handle({ turn, services, commands });
}
