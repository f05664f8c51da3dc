import type { MachineLogonUser } from '../../domain/machines/machine';
import { optionalIsoTime } from './iso-time';
import type { MdeLogonUserDto } from './mde-schemas';
import { withoutUndefined } from './without-undefined';

/** Maps a validated logged-on user of a machine into Vigil's `MachineLogonUser`. */
export function mapMachineLogonUser(dto: MdeLogonUserDto): MachineLogonUser {
  return {
    name: dto.accountName,
    ...withoutUndefined({
      domain: dto.accountDomain || undefined,
      lastSeen: optionalIsoTime(dto.lastSeen),
      isDomainAdmin: dto.isDomainAdmin ?? undefined,
    }),
  };
}

/** Time of a user's last logon for sorting; a user without one sorts last. */
function lastSeenMs(user: MachineLogonUser): number {
  return user.lastSeen === undefined ? Number.NEGATIVE_INFINITY : Date.parse(user.lastSeen);
}

/**
 * Maps the users of `GET /api/machines/{id}/logonusers`, most recently seen first (MDE does not promise
 * an order); those MDE gives no `lastSeen` come last, in MDE's order.
 */
export function mapMachineLogonUsers(dtos: readonly MdeLogonUserDto[]): MachineLogonUser[] {
  return dtos.map(mapMachineLogonUser).sort((a, b) => {
    const [left, right] = [lastSeenMs(a), lastSeenMs(b)];
    return left === right ? 0 : right > left ? 1 : -1;
  });
}
