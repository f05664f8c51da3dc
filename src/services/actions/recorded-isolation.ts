import { isolatedByRecord } from '../../domain/actions/isolation-record';
import type { ActionRepository } from '../ports/store.port';

/**
 * Whether Vigil's record says the machine is isolated: its isolations and releases that took effect,
 * newest first, decide (see `isolatedByRecord`). Undefined when Vigil never isolated nor released it.
 */
export async function recordedIsolation(
  actions: Pick<ActionRepository, 'list'>,
  machineId: string,
): Promise<boolean | undefined> {
  const decisive = await actions.list({
    machineId,
    kinds: ['isolate', 'unisolate'],
    states: ['succeeded', 'skipped'],
    limit: 10,
  });
  return isolatedByRecord(decisive, machineId);
}
