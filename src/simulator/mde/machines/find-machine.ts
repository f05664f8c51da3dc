import { notFound } from '../../http/sim-error';
import type { MdeMachine } from '../../model/mde-types';
import type { SimState } from '../../state/sim-state';

/** A machine by id (or DNS name, or short host name), or a 404 `NotFound`. */
export function findMachineOr404(state: SimState, idOrName: string): MdeMachine {
  const machine = state.findMachine(idOrName);
  if (!machine) throw notFound(`Machine ${idOrName} was not found.`);
  return machine;
}
