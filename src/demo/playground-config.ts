import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoUser, SocLayout } from './soc-layout';

/** The file name the Agents Playground looks for (it also honours `M365_AGENTS_PLAYGROUND_CONFIG_PATH`). */
export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';

/**
 * The playground's config file, schema version 0.1.1 (bundled in `@microsoft/m365agentsplayground`
 * 0.2.28; every object is `additionalProperties: false`, and `userPrincipleName` is spelt that way).
 */
export interface PlaygroundConfigFile {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  /** Exactly five. */
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  /** One team; at most one channel besides General (whose id is the team's). */
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

function toPlaygroundUser(user: DemoUser): PlaygroundUser {
  return {
    id: user.id,
    name: user.name,
    userPrincipleName: user.userPrincipalName,
    aadObjectId: user.aadObjectId,
    givenName: user.givenName,
    surname: user.surname,
    email: user.userPrincipalName,
  };
}

/** Describes a Teams layout in the playground's config schema. */
export function toPlaygroundConfig(layout: SocLayout): PlaygroundConfigFile {
  if (layout.users.length !== 5) {
    throw new Error(
      `The Agents Playground needs exactly 5 users besides the current one, not ${layout.users.length}.`,
    );
  }
  return {
    version: '0.1.1',
    tenantId: layout.tenantId,
    bot: { id: layout.bot.id, name: layout.bot.name },
    currentUser: toPlaygroundUser(layout.currentUser),
    users: layout.users.map(toPlaygroundUser),
    personalChat: { id: layout.personalChatId },
    groupChat: { id: layout.groupChat.id, name: layout.groupChat.name },
    team: {
      id: layout.team.id,
      name: layout.team.name,
      aadGroupId: layout.team.aadGroupId,
      channels: [{ id: layout.alertsChannel.id, name: layout.alertsChannel.name }],
    },
  };
}

/**
 * Writes the playground's config file for `layout` into `dir` and returns its path. JSON is valid YAML,
 * so the file is JSON under a comment header.
 */
export function writePlaygroundConfig(dir: string, layout: SocLayout): string {
  const path = join(dir, PLAYGROUND_CONFIG_FILE);
  const header =
    '# Written by Vigil (src/demo/playground-config.ts) for the Microsoft 365 Agents Playground.\n';
  writeFileSync(path, `${header}${JSON.stringify(toPlaygroundConfig(layout), null, 2)}\n`);
  return path;
}
