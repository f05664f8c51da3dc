import type { Config } from '../../config/load-config';
import { socLayout } from '../../demo/soc-layout';

/** Who is speaking, as Vigil decides on it: the tenant and the Entra object id (never a display name). */
export interface TeamsIdentity {
  readonly tenantId: string;
  readonly aadObjectId?: string;
}

/** Whether an identity is a Vigil admin. */
export type AdminCheck = (who: TeamsIdentity) => boolean;

const key = (tenantId: string, aadObjectId: string) =>
  `${tenantId.toLowerCase()}|${aadObjectId.toLowerCase()}`;

/**
 * The first admins, until the role table arrives: the Entra object ids of `VIGIL_ADMINS`, in Vigil's
 * own tenant (`MicrosoftAppTenantId`, else the Defender tenant), and in demo mode the playground's
 * current user. Decided on `(tenantId, aadObjectId)` only.
 */
export function bootstrapAdmins(config: Pick<Config, 'mode' | 'teams' | 'bot' | 'defender'>): AdminCheck {
  const home = config.bot.appTenantId ?? config.defender.tenantId;
  const admins = new Set(config.teams.admins.map((id) => key(home, id)));
  if (config.mode === 'demo') admins.add(key(socLayout.tenantId, socLayout.currentUser.aadObjectId));
  return (who) => Boolean(who.aadObjectId) && admins.has(key(who.tenantId, who.aadObjectId ?? ''));
}
