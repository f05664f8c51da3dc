import type { TeamsCommand } from '../commands/teams-command';
import { type ManifestCommandList, TEAMS_SCOPES, type TeamsScope } from './teams-manifest';

/**
 * The commands that make sense in fewer scopes than all three, by name; every other command of the
 * registry is offered everywhere. A name here that the registry does not know is a bug (tested).
 */
export const COMMAND_SCOPES: Readonly<Record<string, readonly TeamsScope[]>> = Object.freeze({
  'channel here': ['team'],
});

/** The scopes whose command menu lists the command: none for a command kept out of the menu (`menu: false`). */
export function commandScopes(command: Pick<TeamsCommand, 'name' | 'menu'>): readonly TeamsScope[] {
  if (command.menu === false) return [];
  return COMMAND_SCOPES[command.name] ?? TEAMS_SCOPES;
}

/**
 * The manifest's `commandLists`, generated from the command registry so that the menu never drifts from
 * `help`: each command's title is its name and its description is its `help` summary, in registry
 * order. Scopes with the same commands share one list (so there are at most three); a scope with no
 * command gets none.
 */
export function buildCommandLists(
  commands: readonly Pick<TeamsCommand, 'name' | 'summary' | 'menu'>[],
  scopesOf: (command: Pick<TeamsCommand, 'name' | 'menu'>) => readonly TeamsScope[] = commandScopes,
): ManifestCommandList[] {
  const lists: { scopes: TeamsScope[]; names: string; commands: ManifestCommandList['commands'] }[] = [];
  for (const scope of TEAMS_SCOPES) {
    const inScope = commands.filter((command) => scopesOf(command).includes(scope));
    if (inScope.length === 0) continue;
    const names = inScope.map((command) => command.name).join('\n');
    const same = lists.find((list) => list.names === names);
    if (same) {
      same.scopes.push(scope);
      continue;
    }
    const menu = inScope.map((command) => ({ title: command.name, description: command.summary }));
    lists.push({ scopes: [scope], names, commands: menu });
  }
  return lists.map(({ scopes, commands: menu }) => ({ scopes, commands: menu }));
}
