import { describeAction } from '../../domain/actions/describe-action';
import type { ResponseAction } from '../../domain/actions/response-action';
import type { AuditLog, AuditRecord } from '../audit/audit-log';
import type { StoreTx } from '../ports/store.port';

/** A new or changed action and what follows from it. */
export interface ActionChange {
  readonly action: ResponseAction;
  /** True to insert it (a new request), false to store this version over the old one. */
  readonly isNew: boolean;
  /** What the audit log keeps about the change, if anything. */
  readonly audit?: AuditRecord;
  /** A short message for the alert's thread, if the change deserves one. */
  readonly reply?: string;
  readonly nowIso: string;
}

/**
 * The group (card) an alert belongs to: its fold group. Undefined when the alert has no card (it was
 * stored below the ingest filters, or is unknown): there is then no card to update nor thread to reply
 * in, and the outbox only takes items of existing groups.
 */
export async function cardGroupOf(tx: StoreTx, alertId: string): Promise<string | undefined> {
  return (await tx.alerts.get(alertId))?.groupId ?? undefined;
}

/**
 * Stores an action change in the caller's transaction together with everything it implies, so none of
 * it is kept without the rest: the card of the action's alert is queued for an update for everyone, the
 * audit entry is appended, and the thread reply is queued. An alert without a card gets no card update
 * nor reply; the action and its audit entry are still kept. When a machine's isolation changes, the
 * cards of its other open alerts are redrawn too (they offer Isolate or Release accordingly).
 */
export async function recordActionChange(tx: StoreTx, change: ActionChange, audit: AuditLog): Promise<void> {
  if (change.isNew) await tx.actions.insert(change.action);
  else await tx.actions.update(change.action);
  const groupId = await cardGroupOf(tx, change.action.alertId);
  if (groupId !== undefined) await tx.outbox.enqueue({ kind: 'updateCard', groupId, at: change.nowIso });
  if (groupId !== undefined && change.reply !== undefined) {
    await tx.outbox.enqueue({
      kind: 'reply',
      groupId,
      payload: { text: change.reply, plain: true },
      at: change.nowIso,
    });
  }
  if (change.audit !== undefined) await audit.record(change.audit, tx);
  if (changesIsolation(change.action)) {
    await updateMachineCards(tx, change.action, groupId, change.nowIso);
  }
}

/** How many other cards of the same machine are redrawn when its isolation changes. */
const MACHINE_CARDS_REDRAWN = 20;

/** An isolation or a release that just took effect (what the machine's cards offer depends on it). */
function changesIsolation(action: ResponseAction): boolean {
  return (
    (action.kind === 'isolate' || action.kind === 'unisolate') &&
    (action.state === 'succeeded' || action.state === 'skipped') &&
    action.machineId !== undefined
  );
}

/** Queues an update of the other open alerts' cards on the action's machine (Isolate or Release). */
async function updateMachineCards(
  tx: StoreTx,
  action: ResponseAction,
  ownGroup: string | undefined,
  nowIso: string,
): Promise<void> {
  const others = await tx.alerts.listOpenOnMachine(action.machineId ?? '', MACHINE_CARDS_REDRAWN);
  const groups = new Set(others.map((other) => other.groupId).filter((id): id is string => id !== null));
  if (ownGroup !== undefined) groups.delete(ownGroup);
  for (const groupId of groups) await tx.outbox.enqueue({ kind: 'updateCard', groupId, at: nowIso });
}

/** The thread's short message when an action ends. */
export function endingReply(action: ResponseAction): string {
  const line = describeAction(action).text;
  const ref = action.defenderActionId ? ` Defender action ${action.defenderActionId}.` : '';
  const retry =
    action.state === 'failed' || action.state === 'timeOut' || action.state === 'expired'
      ? ' Use Retry on the card to ask again.'
      : '';
  return `${line}.${ref}${retry}`;
}

/** What the audit log keeps when an action ends: the requester's action and how it ended. */
export function endingAudit(action: ResponseAction): AuditRecord {
  return {
    tenantId: action.tenantId,
    actor: action.requestedBy,
    action: `alert.${action.kind}`,
    target: action.alertId,
    outcome: action.state === 'succeeded' || action.state === 'skipped' ? 'succeeded' : 'failed',
    details: {
      actionId: action.id,
      state: action.state,
      ...(action.defenderActionId ? { defenderActionId: action.defenderActionId } : {}),
      ...(action.outcomeNote ? { note: action.outcomeNote } : {}),
    },
  };
}
