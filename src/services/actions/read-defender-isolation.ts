import { type DefenderIsolation, isolationFromDefender } from '../../domain/actions/isolation-record';
import type { MachineAction, MachineActionType } from '../../domain/machines/machine-action';
import type { ActionMde } from './action-defender';

/** The most actions of one type read for one machine (MDE gives no order: the newest are found by sorting). */
const MAX_PER_TYPE = 1000;

/** The machine's actions of these types, whatever else Defender holds for it. */
export async function machineActionsOf(
  mde: Pick<ActionMde, 'listMachineActions'>,
  machineId: string,
  types: readonly MachineActionType[],
): Promise<MachineAction[]> {
  const lists = await Promise.all(
    types.map((type) => mde.listMachineActions({ machineId, type, maxActions: MAX_PER_TYPE })),
  );
  return lists.flat();
}

/**
 * What Defender says about a machine's isolation: its Isolate and Unisolate actions only (a busy machine
 * has many scans and packages), sorted here since MDE promises no order.
 */
export async function readDefenderIsolation(
  mde: Pick<ActionMde, 'listMachineActions'>,
  machineId: string,
): Promise<DefenderIsolation> {
  return isolationFromDefender(await machineActionsOf(mde, machineId, ['Isolate', 'Unisolate']));
}
