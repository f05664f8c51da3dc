import type { AlertClassification } from '../alerts/alert';
import type { AuditActor } from '../audit/audit-entry';
import type { IsolationType, MachineActionStatus, ScanType } from '../machines/machine-action';
import type { ActionKind } from './action-kind';
import type { ActionState } from './action-state';

/** What the action asks for, beyond its kind. Only the fields of its kind are set. */
export interface ActionParams {
  /** `isolate`: full or selective isolation. */
  readonly isolationType?: IsolationType;
  /** `scan`: quick or full. */
  readonly scanType?: ScanType;
  /** `isolate`, `unisolate`: why, in the analyst's words (kept in Defender's comment). */
  readonly reason?: string;
  /** `resolve`: how the analyst judged the alert. */
  readonly classification?: AlertClassification;
  /** `resolve`: MDE's determination (`Malware`, `SecurityTesting`, `Other`…). */
  readonly determination?: string;
  /** `resolve`: the analyst's comment. */
  readonly comment?: string;
  /** `assign`: the user the alert is assigned to (a UPN or mail address). */
  readonly assignee?: string;
}

/** Where a request came from: a card button, a typed command, or an automatic rule. */
export type ActionOrigin = 'card' | 'command' | 'rule';

/** A second responder's decision on a protected machine's action. */
export interface ActionApproval {
  /** Why approval is needed, e.g. "dc01.contoso.com is protected (tag tier0)". */
  readonly reason: string;
  /** After this time nobody can approve any more and the action expires. */
  readonly expiresAt: string;
  readonly decidedBy?: AuditActor;
  readonly decidedAt?: string;
}

/**
 * A response action: recorded before anything is sent to Defender, then moved through its states by the
 * action worker. At most one open action exists per `requestKey` (see `intentKey`), which is what makes
 * a double click, or two analysts at once, one Defender request.
 */
export interface ResponseAction {
  readonly id: string;
  /** The intent this action holds while it is open (`isolation:<machineId>`…). */
  readonly requestKey: string;
  readonly kind: ActionKind;
  readonly origin: ActionOrigin;
  readonly tenantId: string;
  /** The alert whose card asked for it (the card that follows it). */
  readonly alertId: string;
  readonly machineId?: string;
  /** The machine's name at the time, for show. */
  readonly machineName?: string;
  readonly params: ActionParams;
  readonly requestedBy: AuditActor;
  readonly requestedAt: string;
  readonly state: ActionState;
  readonly approval?: ActionApproval;
  /** The comment sent to Defender (also how a lost reply is recognised after a crash). */
  readonly defenderComment?: string;
  /** MDE's machine action id, once Defender accepted it. */
  readonly defenderActionId?: string;
  /** MDE's last reported status of that machine action. */
  readonly defenderStatus?: MachineActionStatus;
  /** Why it failed, was skipped or rejected, in words fit for the card. */
  readonly outcomeNote?: string;
  /** How many times the worker tried to send or check it without an answer. */
  readonly attempts: number;
  /** When the worker looks at it next; absent once final. */
  readonly nextCheckAt?: string;
  readonly updatedAt: string;
  /** When it reached a final state. */
  readonly finishedAt?: string;
}
