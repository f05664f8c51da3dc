import type { MachineActionStatus } from '../machines/machine-action';
import type { ActionState } from './action-state';
import { releasedKey } from './intent-key';
import type { ResponseAction } from './response-action';

/** The final states an action can be put in. */
export type FinalActionState = Exclude<ActionState, 'awaitingApproval' | 'queued' | 'sending' | 'inProgress'>;

/**
 * The action in a final state at `nowIso`: nothing more to check, and its intent key released (so the
 * next request for the same intent is a new action). A note replaces any earlier one when given.
 */
export function finishAction(
  action: ResponseAction,
  state: FinalActionState,
  nowIso: string,
  note?: string,
): ResponseAction {
  const { nextCheckAt: _next, outcomeNote, ...rest } = action;
  const kept = note ?? outcomeNote;
  return {
    ...rest,
    state,
    requestKey: action.requestKey.endsWith(`#${action.id}`)
      ? action.requestKey
      : releasedKey(action.requestKey, action.id),
    updatedAt: nowIso,
    finishedAt: nowIso,
    ...(kept === undefined ? {} : { outcomeNote: kept }),
  };
}

/** Vigil's final state for a final MDE machine action status; undefined while MDE is still working. */
export function finalStateOf(status: MachineActionStatus): FinalActionState | undefined {
  switch (status) {
    case 'Succeeded':
      return 'succeeded';
    case 'Failed':
      return 'failed';
    case 'TimeOut':
      return 'timeOut';
    case 'Cancelled':
      return 'cancelled';
    default:
      return undefined;
  }
}
