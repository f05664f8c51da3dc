import type { Machine, MachineExposure, MachineRisk } from '../../domain/machines/machine';
import { optionalIsoTime } from './iso-time';
import type { MdeMachineDto } from './mde-schemas';
import { withoutUndefined } from './without-undefined';

const RISKS: readonly MachineRisk[] = ['none', 'informational', 'low', 'medium', 'high'];
const EXPOSURES: readonly MachineExposure[] = ['none', 'low', 'medium', 'high'];

/** Reads a value of a lower-case scale in any case; anything else is `unknown`. */
function onScale<T extends string>(scale: readonly T[], value: string | null | undefined): T | 'unknown' {
  const lower = (value ?? '').toLowerCase();
  return (scale as readonly string[]).includes(lower) ? (lower as T) : 'unknown';
}

/** Maps a validated MDE machine into Vigil's `Machine`. */
export function mapMachine(dto: MdeMachineDto): Machine {
  const osVersion =
    dto.version || (dto.osBuild === null || dto.osBuild === undefined ? undefined : String(dto.osBuild));
  return {
    id: dto.id,
    name: dto.computerDnsName,
    osPlatform: dto.osPlatform || 'Unknown',
    riskScore: onScale(RISKS, dto.riskScore) as MachineRisk,
    exposureLevel: onScale(EXPOSURES, dto.exposureLevel) as MachineExposure,
    healthStatus: dto.healthStatus || 'Unknown',
    tags: dto.machineTags ?? [],
    ...withoutUndefined({
      osVersion,
      firstSeen: optionalIsoTime(dto.firstSeen),
      lastSeen: optionalIsoTime(dto.lastSeen),
      lastIpAddress: dto.lastIpAddress || undefined,
      deviceValue: dto.deviceValue || undefined,
      rbacGroupName: dto.rbacGroupName || undefined,
    }),
  };
}
