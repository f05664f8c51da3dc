import type { TeamsCommand } from '../commands/teams-command';
import { buildCommandLists } from './command-lists';
import { fillPlaceholders, type JsonValue } from './fill-placeholders';

/** What fills the manifest template's placeholders. */
export interface ManifestSettings {
  /** `{{TEAMS_APP_ID}}`: the Teams app's own GUID. */
  readonly appId: string;
  /** `{{TEAMS_APP_VERSION}}`: MAJOR.MINOR.PATCH. */
  readonly version: string;
  /** `{{TEAMS_APP_DEVELOPER_NAME}}`. */
  readonly developerName: string;
  /** `{{TEAMS_APP_WEBSITE_URL}}`. */
  readonly websiteUrl: string;
  /** `{{TEAMS_APP_PRIVACY_URL}}`. */
  readonly privacyUrl: string;
  /** `{{TEAMS_APP_TERMS_URL}}`. */
  readonly termsOfUseUrl: string;
  /** `{{MicrosoftAppId}}`: the bot's Entra app id. */
  readonly botId: string;
}

/**
 * The bot id of a demo package (`npm run package -- --demo`): a well-formed GUID that is nobody's bot,
 * so the package validates but cannot reach a bot once uploaded.
 */
export const DEMO_BOT_ID = '00000000-0000-0000-0000-000000000000';

/** The placeholder names of the template and their values; `{{COMMAND_LISTS}}` comes from the registry. */
export function manifestValues(
  settings: ManifestSettings,
  commands: readonly Pick<TeamsCommand, 'name' | 'summary'>[],
): Record<string, JsonValue> {
  const commandLists = buildCommandLists(commands).map((list) => ({
    scopes: [...list.scopes],
    commands: list.commands.map((command) => ({ ...command })),
  }));
  return {
    TEAMS_APP_ID: settings.appId,
    TEAMS_APP_VERSION: settings.version,
    TEAMS_APP_DEVELOPER_NAME: settings.developerName,
    TEAMS_APP_WEBSITE_URL: settings.websiteUrl,
    TEAMS_APP_PRIVACY_URL: settings.privacyUrl,
    TEAMS_APP_TERMS_URL: settings.termsOfUseUrl,
    MicrosoftAppId: settings.botId,
    COMMAND_LISTS: commandLists,
  };
}

/**
 * The manifest: `manifest/manifest.json` (parsed) with its placeholders filled from the settings and
 * its bot's command lists generated from the command registry. Not yet validated: see
 * `validateManifest`.
 */
export function buildManifest(
  template: JsonValue,
  settings: ManifestSettings,
  commands: readonly Pick<TeamsCommand, 'name' | 'summary'>[],
): JsonValue {
  return fillPlaceholders(template, manifestValues(settings, commands));
}
