import type { AlertUser } from '../../estate/build-alert';
import { UPN_SUFFIX } from '../../estate/estate-users';
import type { SimState } from '../../state/sim-state';

/** The account an alert names, with SID and UPN when it is a known directory user. */
export function alertUserFor(state: SimState, userName: string, domainName: string): AlertUser {
  const entry = state.users.get(userName.toLowerCase());
  if (!entry) return { userName, domainName, userSid: null, userPrincipalName: null };
  return {
    userName,
    domainName,
    userSid: entry.user.accountSid,
    userPrincipalName: `${entry.user.accountName}@${UPN_SUFFIX}`,
  };
}

/** The user who uses a machine most (it is first in their list), else any user of it, else null. */
export function primaryUserOf(state: SimState, machineId: string): AlertUser | null {
  const entries = [...state.users.values()];
  const entry =
    entries.find((candidate) => candidate.machineIds[0] === machineId) ??
    entries.find((candidate) => candidate.machineIds.includes(machineId));
  if (!entry) return null;
  return alertUserFor(state, entry.user.accountName, entry.user.accountDomain.toUpperCase());
}
