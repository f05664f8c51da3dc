/**
 * Where a response action stands in Vigil:
 * - `awaitingApproval`: a protected machine; a second responder must approve before anything is sent;
 * - `queued`: recorded, waiting for the action worker to send it to Defender;
 * - `sending`: a worker is sending it (its lease says until when); after a crash the worker first looks
 *   in Defender for what it may already have created;
 * - `inProgress`: Defender accepted it (MDE says Pending or InProgress); followed until it ends;
 * - final: `succeeded`, `failed`, `timeOut`, `cancelled` (MDE's own endings), `rejected` (the approver
 *   said no), `expired` (nobody approved in time), `skipped` (nothing to do, e.g. already isolated).
 */
export const ACTION_STATES = [
  'awaitingApproval',
  'queued',
  'sending',
  'inProgress',
  'succeeded',
  'failed',
  'timeOut',
  'cancelled',
  'rejected',
  'expired',
  'skipped',
] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/** The states a worker still has work in (claimable when due). */
export const OPEN_ACTION_STATES: readonly ActionState[] = Object.freeze([
  'awaitingApproval',
  'queued',
  'sending',
  'inProgress',
]);

/** True when the action will not change any more. */
export function isFinalState(state: ActionState): boolean {
  return !OPEN_ACTION_STATES.includes(state);
}

/** True when a value is one of `ACTION_STATES`. */
export function isActionState(value: unknown): value is ActionState {
  return typeof value === 'string' && (ACTION_STATES as readonly string[]).includes(value);
}
