/** The conversation kinds a Teams bot can be in (the manifest's scope names). */
export type TeamsScope = 'team' | 'personal' | 'groupChat';

/** Every scope Vigil's bot is offered in, in the order command lists are written. */
export const TEAMS_SCOPES: readonly TeamsScope[] = Object.freeze(['team', 'personal', 'groupChat']);

/** One entry of a bot's command menu. */
export interface ManifestCommand {
  readonly title: string;
  readonly description: string;
}

/** The command menu shown in the given scopes. */
export interface ManifestCommandList {
  readonly scopes: readonly TeamsScope[];
  readonly commands: readonly ManifestCommand[];
}

/** The bot entry of the manifest. */
export interface ManifestBot {
  readonly botId: string;
  readonly scopes: readonly TeamsScope[];
  readonly isNotificationOnly?: boolean;
  readonly supportsFiles?: boolean;
  readonly commandLists?: readonly ManifestCommandList[];
}

/**
 * The fields of a Teams app manifest (v1.29) that Vigil's manifest uses: the shape
 * `manifest/manifest.schema.json` accepts.
 */
export interface TeamsManifest {
  readonly $schema: string;
  readonly manifestVersion: string;
  readonly version: string;
  readonly id: string;
  readonly developer: {
    readonly name: string;
    readonly websiteUrl: string;
    readonly privacyUrl: string;
    readonly termsOfUseUrl: string;
  };
  readonly name: { readonly short: string; readonly full?: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly icons: { readonly color: string; readonly outline: string };
  readonly accentColor: string;
  readonly bots: readonly ManifestBot[];
  readonly permissions?: readonly ('identity' | 'messageTeamMembers')[];
  readonly validDomains?: readonly string[];
}
