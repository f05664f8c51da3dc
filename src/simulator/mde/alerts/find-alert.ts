import { notFound } from '../../http/sim-error';
import type { MdeAlert } from '../../model/mde-types';
import type { SimState } from '../../state/sim-state';

/** An alert by id, or a 404 `NotFound` as MDE answers an unknown one. */
export function findAlert(state: SimState, id: string): MdeAlert {
  const alert = state.alerts.get(id);
  if (!alert) throw notFound(`Alert ${id} was not found.`);
  return alert;
}
