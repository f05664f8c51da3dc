import type { ActionKind } from '../../domain/actions/action-kind';
import type { ActionOrigin, ActionParams, ResponseAction } from '../../domain/actions/response-action';
import type { Person } from '../roles/role-service';

/** Someone asks Vigil to act: a click, a command or a rule. */
export interface ActionRequest {
  readonly kind: ActionKind;
  readonly origin: ActionOrigin;
  readonly by: Person;
  readonly alertId: string;
  /** The machine the button was drawn for; it must be the alert's machine. */
  readonly machineId?: string;
  readonly params: ActionParams;
  /**
   * Why this request must wait for a second responder whatever the machine (a rule's `require
   * approval`, or the cap on automatic isolations). Machine actions only.
   */
  readonly approvalReason?: string;
  /**
   * A machine of the alert's user to act on instead of the alert's own machine (a Cloud Apps alert
   * names a user, not a machine: `… on user machines`). Set by Vigil from Defender's answer, never
   * from what a card sends.
   */
  readonly userMachine?: { readonly id: string; readonly name: string };
}

/** Why a request, an approval or a rejection was refused. */
export type RefusalReason =
  /** The person's role does not allow it. */
  | 'permission'
  /** Vigil does not know that alert (or action). */
  | 'unknown'
  /** The request does not fit the alert (no machine, another machine, a Cloud Apps alert…). */
  | 'invalid'
  /** Nobody approves their own request. */
  | 'self-approval';

/**
 * How a request ended, with a message for the person who asked:
 * - `accepted`: a new action was recorded (queued, or waiting for approval);
 * - `duplicate`: an open action already holds the same intent; nothing new was recorded;
 * - `nothingToDo`: already so (an isolated machine, a resolved alert); nothing was recorded or sent;
 * - `refused`: not allowed or not valid; audited, nothing sent.
 */
export type RequestOutcome =
  | { readonly status: 'accepted'; readonly action: ResponseAction; readonly message: string }
  | { readonly status: 'duplicate'; readonly action: ResponseAction; readonly message: string }
  | { readonly status: 'nothingToDo'; readonly message: string }
  | { readonly status: 'refused'; readonly reason: RefusalReason; readonly message: string };

/** How an approval or rejection ended. */
export type DecisionOutcome =
  | { readonly status: 'decided'; readonly action: ResponseAction; readonly message: string }
  | { readonly status: 'tooLate'; readonly action: ResponseAction; readonly message: string }
  | { readonly status: 'refused'; readonly reason: RefusalReason; readonly message: string };
