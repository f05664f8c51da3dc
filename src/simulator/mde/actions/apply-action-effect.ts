import type { MdeMachineAction } from '../../model/mde-types';
import type { SimState } from '../../state/sim-state';

/** Statuses after which an action never changes again. */
export const FINAL_STATUSES: readonly string[] = ['Succeeded', 'Failed', 'TimeOut', 'Cancelled'];

/** True while an action can still move (Pending or InProgress). */
export function isActive(action: MdeMachineAction): boolean {
  return !FINAL_STATUSES.includes(action.status);
}

/** Adds or updates the scan record of a RunAntiVirusScan action; `time` is its latest status change. */
function recordScan(state: SimState, action: MdeMachineAction): void {
  const machine = state.machineState.get(action.machineId);
  if (!machine) return;
  const record = {
    actionId: action.id,
    scanType: action.scope ?? 'Quick',
    status: action.status,
    time: action.lastUpdateDateTimeUtc,
  };
  const index = machine.scans.findIndex((scan) => scan.actionId === action.id);
  if (index === -1) machine.scans.push(record);
  else machine.scans[index] = record;
}

/**
 * Brings the machine's simulator state in line with an action's current status: a scan is recorded in
 * every status, and a Succeeded isolate, unisolate, restrict or unrestrict changes the machine.
 */
export function applyActionEffect(state: SimState, action: MdeMachineAction): void {
  if (action.type === 'RunAntiVirusScan') {
    recordScan(state, action);
    return;
  }
  const machine = state.machineState.get(action.machineId);
  if (!machine || action.status !== 'Succeeded') return;
  switch (action.type) {
    case 'Isolate':
      machine.isolated = true;
      machine.isolationType = action.scope;
      break;
    case 'Unisolate':
      machine.isolated = false;
      machine.isolationType = null;
      break;
    case 'RestrictCodeExecution':
      machine.codeExecutionRestricted = true;
      break;
    case 'UnrestrictCodeExecution':
      machine.codeExecutionRestricted = false;
      break;
  }
}
