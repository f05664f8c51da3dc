import { notFound } from '../../http/sim-error';
import type { MdeMachineAction } from '../../model/mde-types';
import type { SimState } from '../../state/sim-state';

/** A machine action by id (GUIDs match in any case), or 404 `ResourceNotFound`. */
export function findMachineAction(state: SimState, id: string): MdeMachineAction {
  const action = state.actions.get(id) ?? state.actions.get(id.toLowerCase());
  if (!action) throw notFound(`Machine action ${id} was not found`, 'ResourceNotFound');
  return action;
}
