import type { MdeMachineAction } from '../../model/mde-types';
import type { ActionOutcome, SimSettings } from '../../state/sim-state';

/** How one machine action runs, fixed when it is created (later `/_sim/config` changes do not alter it). */
export interface ActionPlan {
  readonly createdMs: number;
  readonly delayMs: number;
  readonly outcome: ActionOutcome;
}

/**
 * Plans kept beside the wire-shaped actions in `SimState.actions`, keyed by the action object itself so a
 * reset (which drops the actions) drops their plans too.
 */
const plans = new WeakMap<MdeMachineAction, ActionPlan>();

/** Remembers how an action runs. */
export function setActionPlan(action: MdeMachineAction, plan: ActionPlan): void {
  plans.set(action, plan);
}

/**
 * How an action runs. An action the factory did not create (e.g. seeded by a test) runs from its
 * `creationDateTimeUtc` with the current settings.
 */
export function actionPlanOf(action: MdeMachineAction, settings: SimSettings): ActionPlan {
  return (
    plans.get(action) ?? {
      createdMs: Date.parse(action.creationDateTimeUtc),
      delayMs: settings.actionDelayMs,
      outcome: settings.actionOutcome,
    }
  );
}
