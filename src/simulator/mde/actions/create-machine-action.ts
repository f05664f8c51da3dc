import { randomUUID } from 'node:crypto';
import { toMdeTime } from '../../estate/mde-time';
import type { MdeMachine, MdeMachineAction } from '../../model/mde-types';
import type { SimSettings } from '../../state/sim-state';
import type { ActionKind } from './action-kinds';
import { setActionPlan } from './action-plan';

export interface NewMachineAction {
  readonly kind: ActionKind;
  readonly machine: MdeMachine;
  /** The caller's application id. */
  readonly requestor: string;
  readonly comment: string;
  readonly scope: string | null;
  /** The SHA-1 of a StopAndQuarantineFile action. */
  readonly sha1?: string;
  readonly nowMs: number;
  /** The settings in force now: the action keeps their delay and outcome. */
  readonly settings: SimSettings;
}

/** Builds a Pending MachineAction with every MDE field, and records how it will run. */
export function createMachineAction(input: NewMachineAction): MdeMachineAction {
  const created = toMdeTime(input.nowMs, 0);
  const action: MdeMachineAction = {
    id: randomUUID(),
    type: input.kind.type,
    scope: input.scope,
    title: `${input.kind.title} ${input.machine.computerDnsName}`,
    requestor: input.requestor,
    requestorComment: input.comment,
    requestSource: 'PublicApi',
    externalID: null,
    status: 'Pending',
    machineId: input.machine.id,
    computerDnsName: input.machine.computerDnsName,
    creationDateTimeUtc: created,
    lastUpdateDateTimeUtc: created,
    cancellationRequestor: null,
    cancellationComment: null,
    cancellationDateTimeUtc: null,
    relatedFileInfo:
      input.sha1 === undefined ? null : { fileIdentifier: input.sha1, fileIdentifierType: 'Sha1' },
    commands: [],
  };
  setActionPlan(action, {
    createdMs: input.nowMs,
    delayMs: input.settings.actionDelayMs,
    outcome: input.settings.actionOutcome,
  });
  return action;
}
