import { toMdeTime } from '../../estate/mde-time';
import type { MdeMachineAction, MdeMachineActionStatus } from '../../model/mde-types';
import type { SimState } from '../../state/sim-state';
import { type ActionPlan, actionPlanOf } from './action-plan';
import { applyActionEffect, isActive } from './apply-action-effect';

function moveTo(state: SimState, action: MdeMachineAction, status: MdeMachineActionStatus, atMs: number) {
  action.status = status;
  action.lastUpdateDateTimeUtc = toMdeTime(atMs, 0);
  applyActionEffect(state, action);
}

/** Moves one action along Pending → InProgress (half its delay) → its planned outcome (its full delay). */
function settleAction(state: SimState, action: MdeMachineAction, plan: ActionPlan, nowMs: number): void {
  const startedMs = plan.createdMs + plan.delayMs / 2;
  const endedMs = plan.createdMs + plan.delayMs;
  if (action.status === 'Pending' && nowMs >= startedMs) moveTo(state, action, 'InProgress', startedMs);
  if (action.status === 'InProgress' && nowMs >= endedMs) moveTo(state, action, plan.outcome, endedMs);
}

/**
 * Brings every unfinished machine action to its status at `nowMs`, oldest first, and applies what each
 * change does to the machine (see `applyActionEffect`). Statuses come from time alone, so calling this
 * before every request (`SimServer.onRequest`) is all the lifecycle needs.
 */
export function settleActions(state: SimState, nowMs: number): void {
  for (const action of state.actions.values()) {
    if (isActive(action)) settleAction(state, action, actionPlanOf(action, state.settings), nowMs);
  }
}
