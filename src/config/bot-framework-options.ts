import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { BotSettings } from './load-config';

/**
 * The options of botbuilder's `ConfigurationBotFrameworkAuthentication`, under Bot Framework's own
 * names, from Vigil's bot settings. With no app id (demo mode) it is empty: botbuilder then accepts
 * requests without a token. `SingleTenant` and `MultiTenant` carry the password; `UserAssignedMSI`
 * never does (botbuilder refuses one), and signs in with the managed identity whose client id is
 * `MicrosoftAppId`.
 */
export function botFrameworkOptions(bot: BotSettings): ConfigurationBotFrameworkAuthenticationOptions {
  if (!bot.appId) return {};
  const usesPassword = bot.appType !== 'UserAssignedMSI';
  return {
    MicrosoftAppId: bot.appId,
    MicrosoftAppType: bot.appType,
    ...(usesPassword && bot.appPassword ? { MicrosoftAppPassword: bot.appPassword } : {}),
    ...(bot.appTenantId ? { MicrosoftAppTenantId: bot.appTenantId } : {}),
  };
}
