import type { MachineAction } from '../machines/machine-action';
import type { ResponseAction } from './response-action';

/**
 * Whether Vigil's own record says the machine is isolated: the newest isolate or release of it that
 * took effect (succeeded, or was skipped because Defender already had it so) decides. Undefined when
 * Vigil never isolated nor released it. `actions` may be in any order and about any machines.
 */
export function isolatedByRecord(actions: readonly ResponseAction[], machineId: string): boolean | undefined {
  const id = machineId.toLowerCase();
  const decisive = actions
    .filter((action) => action.machineId?.toLowerCase() === id)
    .filter((action) => action.kind === 'isolate' || action.kind === 'unisolate')
    .filter((action) => action.state === 'succeeded' || action.state === 'skipped')
    .sort((a, b) => (b.finishedAt ?? b.updatedAt).localeCompare(a.finishedAt ?? a.updatedAt));
  const newest = decisive[0];
  return newest === undefined ? undefined : newest.kind === 'isolate';
}

/** What Defender's machine actions say about a machine's isolation. */
export interface DefenderIsolation {
  /** The newest Isolate or Unisolate, whatever its status. */
  readonly latest?: MachineAction;
  /** The newest one that succeeded decides: true when it is an Isolate. Undefined when none succeeded. */
  readonly isolated?: boolean;
  /** That newest succeeded Isolate or Unisolate. */
  readonly decisive?: MachineAction;
  /** An Isolate or Unisolate still Pending or InProgress. */
  readonly open?: MachineAction;
}

/** Reads a machine's isolation from its MDE machine actions (any order). */
export function isolationFromDefender(actions: readonly MachineAction[]): DefenderIsolation {
  const family = actions
    .filter((action) => action.type === 'Isolate' || action.type === 'Unisolate')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const succeeded = family.find((action) => action.status === 'Succeeded');
  const open = family.find((action) => action.status === 'Pending' || action.status === 'InProgress');
  return {
    ...(family[0] ? { latest: family[0] } : {}),
    ...(succeeded ? { isolated: succeeded.type === 'Isolate', decisive: succeeded } : {}),
    ...(open ? { open } : {}),
  };
}
