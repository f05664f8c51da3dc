import type { MdeUser } from '../../model/mde-types';
import type { SimState } from '../../state/sim-state';

/**
 * A user as `GET /api/machines/{id}/logonusers` shows them: the User entity without the
 * most/least-prevalent machine ids, which MDE's documented replies of this route do not carry.
 */
export type MdeLogonUser = Omit<MdeUser, 'mostPrevalentMachineId' | 'leastPrevalentMachineId'>;

function toLogonUser(user: MdeUser): MdeLogonUser {
  return {
    id: user.id,
    accountName: user.accountName,
    accountDomain: user.accountDomain,
    accountSid: user.accountSid,
    firstSeen: user.firstSeen,
    lastSeen: user.lastSeen,
    logonTypes: user.logonTypes,
    logOnMachinesCount: user.logOnMachinesCount,
    isDomainAdmin: user.isDomainAdmin,
    isOnlyNetworkUser: user.isOnlyNetworkUser,
  };
}

/** The users who log on to a machine (by its id), most recently seen first, then by name. */
export function machineLogonUsers(state: SimState, machineId: string): MdeLogonUser[] {
  return [...state.users.values()]
    .filter((entry) => entry.machineIds.includes(machineId))
    .map((entry) => entry.user)
    .sort(
      (a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen) || a.accountName.localeCompare(b.accountName),
    )
    .map(toLogonUser);
}
