import type { SettingsRepository } from '../ports/store.port';

/** The settings key under which the SOC channel chosen at run time (`channel here`, demo mode) is kept. */
export const SOC_CHANNEL_SETTING = 'socChannelId';

/** Where alert cards go: the SOC channel's conversation id (`19:…@thread.tacv2`). */
export interface SocChannel {
  /** The channel chosen at run time, else the configured one (`SOC_CHANNEL_ID`), else undefined. */
  get(): Promise<string | undefined>;
  /** Makes `channelId` the SOC channel from now on (kept in the store, so it survives a restart). */
  set(channelId: string): Promise<void>;
}

/** What `createSocChannel` needs: the settings repository and the configured channel, if any. */
export interface SocChannelDeps {
  readonly settings: SettingsRepository;
  /** `SOC_CHANNEL_ID` from configuration: the fallback until someone picks a channel in Teams. */
  readonly configuredId?: string;
}

/**
 * The SOC channel setting. A channel picked in Teams (an admin's `channel here`, or the install in demo
 * mode) wins over `SOC_CHANNEL_ID`, so an admin can move the cards without a restart.
 */
export function createSocChannel(deps: SocChannelDeps): SocChannel {
  const configured = deps.configuredId?.trim() || undefined;
  return {
    async get() {
      const chosen = (await deps.settings.get(SOC_CHANNEL_SETTING))?.trim();
      return chosen || configured;
    },
    async set(channelId) {
      const id = channelId.trim();
      if (id === '') throw new TypeError('The SOC channel id must not be empty.');
      await deps.settings.set(SOC_CHANNEL_SETTING, id);
    },
  };
}
