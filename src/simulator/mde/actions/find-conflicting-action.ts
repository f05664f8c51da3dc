import type { MdeMachineAction } from '../../model/mde-types';
import type { SimState } from '../../state/sim-state';
import { type ActionKind, actionKindOf } from './action-kinds';
import { isActive } from './apply-action-effect';

/**
 * The Pending or InProgress action that blocks a new one of `kind` on a machine: one of the same conflict
 * family (Isolate/Unisolate, Restrict/Unrestrict, or the same type otherwise). StopAndQuarantineFile
 * conflicts only with a request for the same file, so different files can be quarantined side by side.
 */
export function findConflictingAction(
  state: SimState,
  machineId: string,
  kind: ActionKind,
  sha1?: string,
): MdeMachineAction | undefined {
  for (const action of state.actions.values()) {
    if (action.machineId !== machineId || !isActive(action)) continue;
    if (actionKindOf(action.type)?.family !== kind.family) continue;
    if (sha1 !== undefined && action.relatedFileInfo?.fileIdentifier.toLowerCase() !== sha1) continue;
    return action;
  }
  return undefined;
}
