import {
  MACHINE_ACTION_TYPES,
  type MachineAction,
  type MachineActionType,
} from '../../domain/machines/machine-action';
import { isoTime, optionalIsoTime } from './iso-time';
import type { MdeMachineActionDto } from './mde-schemas';
import { withoutUndefined } from './without-undefined';

/** True when Vigil models this MDE action type (not e.g. `LiveResponse` or `Offboard`). */
export function isKnownActionType(type: string): type is MachineActionType {
  return (MACHINE_ACTION_TYPES as readonly string[]).includes(type);
}

/**
 * Maps a validated MDE machine action into Vigil's `MachineAction`, or undefined when its type is one
 * Vigil does not model. The update time is read under both of MDE's spellings.
 */
export function mapMachineAction(dto: MdeMachineActionDto): MachineAction | undefined {
  if (!isKnownActionType(dto.type)) return undefined;
  const updated = dto.lastUpdateDateTimeUtc ?? dto.lastUpdateTimeUtc ?? dto.creationDateTimeUtc;
  return {
    id: dto.id,
    type: dto.type,
    status: dto.status,
    machineId: dto.machineId,
    createdAt: isoTime(dto.creationDateTimeUtc),
    updatedAt: optionalIsoTime(updated) ?? isoTime(dto.creationDateTimeUtc),
    ...withoutUndefined({
      scope: dto.scope || undefined,
      machineName: dto.computerDnsName || undefined,
      requestor: dto.requestor || undefined,
      comment: dto.requestorComment || undefined,
      cancellationRequestor: dto.cancellationRequestor || undefined,
      cancellationComment: dto.cancellationComment || undefined,
    }),
  };
}
