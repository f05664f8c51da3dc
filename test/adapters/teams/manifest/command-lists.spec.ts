import assert from 'node:assert/strict';
import { helpCommand } from '../../../../src/adapters/teams/commands/help-command';
import { COMMANDS } from '../../../../src/adapters/teams/commands/route-command';
import type { CommandContext } from '../../../../src/adapters/teams/commands/teams-command';
import {
  buildCommandLists,
  COMMAND_SCOPES,
  commandScopes,
} from '../../../../src/adapters/teams/manifest/command-lists';
import { TEAMS_SCOPES } from '../../../../src/adapters/teams/manifest/teams-manifest';

/** The `name: summary` pairs `help` prints, read from its actual answer. */
async function helpLines(): Promise<{ title: string; description: string }[]> {
  const answer = await helpCommand.handle({ commands: COMMANDS } as unknown as CommandContext);
  return [...answer.matchAll(/^- `([^`]+)`: (.+)$/gm)].map(([, title, description]) => ({
    title: title!,
    description: description!,
  }));
}

describe('buildCommandLists', () => {
  it("should list, in each scope, exactly the registry's commands for that scope, with help's words", async () => {
    const lists = buildCommandLists(COMMANDS);
    const help = await helpLines();
    assert.ok(help.length >= 2, 'help lists the commands');
    for (const scope of TEAMS_SCOPES) {
      const inScope = lists.filter((list) => list.scopes.includes(scope));
      assert.equal(inScope.length, 1, `one command list for ${scope}`);
      const expected = help.filter(({ title }) =>
        commandScopes(COMMANDS.find((c) => c.name === title)!).includes(scope),
      );
      assert.deepEqual(inScope[0]!.commands, expected, `the ${scope} menu`);
    }
  });

  it('should offer every command of help but those kept out of the menu, and channel here only in teams', async () => {
    const lists = buildCommandLists(COMMANDS);
    const offered = new Set(lists.flatMap((list) => list.commands.map((c) => c.title)));
    const offMenu = COMMANDS.filter((command) => command.menu === false).map((command) => command.name);
    assert.deepEqual(offMenu, [
      'unisolate',
      'role grant',
      'role revoke',
      'rules',
      'rule add',
      'rule remove',
      'rule enable',
      'rule disable',
      'rule test',
    ]);
    assert.deepEqual(
      [...offered].sort(),
      (await helpLines())
        .map((line) => line.title)
        .filter((title) => !offMenu.includes(title))
        .sort(),
    );
    const typed = ['help', 'alerts', 'alert', 'machine', 'isolate', 'scan', 'resolve'];
    assert.deepEqual(
      lists.map((list) => ({ scopes: list.scopes, titles: list.commands.map((c) => c.title) })),
      [
        { scopes: ['team'], titles: [...typed, 'channel here', 'roles', 'audit'] },
        { scopes: ['personal', 'groupChat'], titles: [...typed, 'roles', 'audit'] },
      ],
    );
  });

  it("should keep every scope's menu within Teams' limit of 10 commands", () => {
    for (const list of buildCommandLists(COMMANDS)) {
      assert.ok(list.commands.length <= 10, `${list.scopes.join(', ')}: ${list.commands.length} commands`);
    }
  });

  it('should leave a command with menu: false out of every scope', () => {
    const lists = buildCommandLists([
      { name: 'a', summary: 'A' },
      { name: 'b', summary: 'B', menu: false },
    ]);
    assert.deepEqual(
      lists.map((list) => list.commands.map((c) => c.title)),
      [['a']],
    );
  });

  it('should only narrow the scopes of commands the registry knows', () => {
    const names = new Set(COMMANDS.map((command) => command.name));
    for (const [name, scopes] of Object.entries(COMMAND_SCOPES)) {
      assert.ok(names.has(name), `COMMAND_SCOPES names "${name}", which is not in the registry`);
      assert.ok(scopes.length > 0 && scopes.every((scope) => TEAMS_SCOPES.includes(scope)));
    }
  });

  it('should share one list between scopes with the same commands, and skip a scope with none', () => {
    const commands = [
      { name: 'a', summary: 'A' },
      { name: 'b', summary: 'B' },
    ];
    const scopes = { a: ['team', 'groupChat'], b: ['team', 'groupChat'] } as const;
    const lists = buildCommandLists(commands, (c) => scopes[c.name as 'a' | 'b']);
    assert.deepEqual(lists, [
      {
        scopes: ['team', 'groupChat'],
        commands: [
          { title: 'a', description: 'A' },
          { title: 'b', description: 'B' },
        ],
      },
    ]);
  });
});
