import { defenderComment } from '../../domain/actions/defender-comment';
import { finalStateOf, finishAction } from '../../domain/actions/finish-action';
import { pollDelayMs } from '../../domain/actions/poll-delay';
import type { ResponseAction } from '../../domain/actions/response-action';
import type { Alert } from '../../domain/alerts/alert';
import type { MachineAction, MachineActionType } from '../../domain/machines/machine-action';
import type { Clock } from '../ports/clock.port';
import { MCAS_BENIGN_REASONS, MCAS_FALSE_POSITIVE_REASONS } from '../ports/mcas.port';
import type { Store } from '../ports/store.port';
import type { ActionMcas, ActionMde } from './action-defender';
import type { ActionSettings } from './action-settings';
import { classifyDefenderError } from './classify-defender-error';
import { machineActionsOf, readDefenderIsolation } from './read-defender-isolation';

/** What advancing an action works with. */
export interface AdvanceContext {
  readonly mde: ActionMde;
  readonly mcas?: ActionMcas;
  readonly store: Store;
  readonly clock: Clock;
  readonly settings: ActionSettings;
}

const MACHINE_TYPES: Readonly<Record<'isolate' | 'unisolate' | 'scan', MachineActionType>> = {
  isolate: 'Isolate',
  unisolate: 'Unisolate',
  scan: 'RunAntiVirusScan',
};

const iso = (ms: number) => new Date(ms).toISOString();

/** The start of the note of a status that could not be read (cleared by the next good read). */
const READ_FAILED = 'Vigil could not read the status from Defender';

/** The machine action type of a machine kind; undefined for alert kinds. */
function machineTypeOf(action: ResponseAction): MachineActionType | undefined {
  return action.kind === 'resolve' || action.kind === 'assign' ? undefined : MACHINE_TYPES[action.kind];
}

/** The action now followed in Defender as `machineAction`, checked again after the first poll delay. */
function following(
  action: ResponseAction,
  machineAction: MachineAction,
  ctx: AdvanceContext,
  note?: string,
): ResponseAction {
  const now = ctx.clock.now();
  const base: ResponseAction = {
    ...action,
    state: 'inProgress',
    defenderActionId: machineAction.id,
    defenderStatus: machineAction.status,
    attempts: 0,
    nextCheckAt: iso(now + pollDelayMs(0, ctx.settings.poll)),
    updatedAt: iso(now),
    ...(note === undefined ? {} : { outcomeNote: note }),
  };
  const final = finalStateOf(machineAction.status);
  return final === undefined ? base : finishAction(base, final, iso(now));
}

/** Tries again later, or fails once the attempts are used up. */
function later(
  action: ResponseAction,
  ctx: AdvanceContext,
  message: string,
  state: 'queued' | 'sending',
  retryAfterMs?: number,
): ResponseAction {
  const now = ctx.clock.now();
  if (action.attempts >= ctx.settings.maxSendAttempts) {
    return finishAction(
      action,
      'failed',
      iso(now),
      `Defender did not take it after ${action.attempts} tries (${message})`,
    );
  }
  const backoff = Math.min(
    ctx.settings.poll.capMs,
    ctx.settings.retryBaseMs * 2 ** Math.max(0, action.attempts - 1),
  );
  return {
    ...action,
    state,
    outcomeNote: message,
    nextCheckAt: iso(now + Math.max(backoff, retryAfterMs ?? 0)),
    updatedAt: iso(now),
  };
}

/**
 * The open action of our own type on the machine that blocks ours (newest first), which Vigil can follow
 * as its own. An open action of the opposite type (a release blocking an isolation) also blocks ours, but
 * its outcome is not ours: then undefined, and ours is sent again once that one is done.
 */
async function openConflict(action: ResponseAction, ctx: AdvanceContext): Promise<MachineAction | undefined> {
  const type = machineTypeOf(action);
  if (type === undefined || action.machineId === undefined) return undefined;
  const listed = await machineActionsOf(ctx.mde, action.machineId, [type]);
  return listed
    .filter((candidate) => candidate.status === 'Pending' || candidate.status === 'InProgress')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/**
 * Before sending an isolation or a release, looks at what Defender already has for the machine: the
 * same request already open (followed instead of sending), or the machine already in the asked state
 * (skipped). Undefined when the request should be sent.
 */
async function precheck(action: ResponseAction, ctx: AdvanceContext): Promise<ResponseAction | undefined> {
  if ((action.kind !== 'isolate' && action.kind !== 'unisolate') || action.machineId === undefined)
    return undefined;
  const now = iso(ctx.clock.now());
  const state = await readDefenderIsolation(ctx.mde, action.machineId);
  const wanted = action.kind === 'isolate' ? 'Isolate' : 'Unisolate';
  if (state.open?.type === wanted) {
    const who = state.open.requestor ? ` by ${state.open.requestor}` : '';
    return following(
      action,
      state.open,
      ctx,
      `Defender already had this request pending${who}; Vigil follows that one`,
    );
  }
  if (state.open === undefined && action.kind === 'isolate' && state.isolated === true) {
    return finishAction(action, 'skipped', now, 'the machine is already isolated in Defender');
  }
  if (state.open === undefined && action.kind === 'unisolate' && state.isolated === false) {
    return finishAction(action, 'skipped', now, 'the machine is not isolated in Defender');
  }
  return undefined;
}

/** Sends a machine action; Defender's answer is followed from then on. */
async function sendMachineAction(
  action: ResponseAction,
  ctx: AdvanceContext,
  comment: string,
): Promise<ResponseAction> {
  const machineId = action.machineId ?? '';
  switch (action.kind) {
    case 'isolate':
      return following(
        action,
        await ctx.mde.isolate(machineId, action.params.isolationType ?? 'Full', comment),
        ctx,
      );
    case 'unisolate':
      return following(action, await ctx.mde.unisolate(machineId, comment), ctx);
    default:
      return following(
        action,
        await ctx.mde.runAntivirusScan(machineId, action.params.scanType ?? 'Quick', comment),
        ctx,
      );
  }
}

/**
 * Keeps Vigil's copy of the alert in step with what Defender now holds (evidence is kept). Best effort:
 * a store failure is left to the next poll to mend.
 */
async function storeAlertChange(
  ctx: AdvanceContext,
  alertId: string,
  change: (alert: Alert) => Alert,
): Promise<void> {
  // Defender has acted: a failure here must not turn the action into a failure. The next poll brings
  // the alert's new state anyway.
  await ctx.store
    .transaction(async (tx) => {
      const stored = await tx.alerts.get(alertId);
      if (stored !== undefined) await tx.alerts.save(change(stored.alert), stored.firstSeenAt);
    })
    .catch(() => undefined);
}

/** Resolves or assigns the alert in MDE, or closes it in Defender for Cloud Apps. */
async function sendAlertChange(
  action: ResponseAction,
  ctx: AdvanceContext,
  comment: string,
): Promise<ResponseAction> {
  const now = iso(ctx.clock.now());
  const stored = await ctx.store.repos.alerts.get(action.alertId);
  const source = stored?.alert.source ?? 'mde';
  const { classification, determination, assignee } = action.params;
  if (source === 'mcas') {
    if (ctx.mcas === undefined) {
      return finishAction(action, 'failed', now, 'Defender for Cloud Apps is not configured in Vigil');
    }
    if (classification === 'truePositive') await ctx.mcas.closeTruePositive(action.alertId, comment);
    else if (classification === 'falsePositive') {
      await ctx.mcas.closeFalsePositive(action.alertId, {
        comment,
        reasonId: MCAS_FALSE_POSITIVE_REASONS.other,
      });
    } else await ctx.mcas.closeBenign(action.alertId, { comment, reasonId: MCAS_BENIGN_REASONS.other });
    await storeAlertChange(ctx, action.alertId, (alert) => ({
      ...alert,
      status: 'resolved',
      ...(classification ? { classification } : {}),
      updatedAt: now,
    }));
    return finishAction(action, 'succeeded', now);
  }
  const updated = await ctx.mde.updateAlert(
    action.alertId,
    action.kind === 'resolve'
      ? {
          status: 'resolved',
          ...(classification ? { classification } : {}),
          ...(determination ? { determination } : {}),
          comment,
        }
      : { assignedTo: assignee ?? '', comment },
  );
  await storeAlertChange(ctx, action.alertId, (alert) => ({
    ...updated,
    evidence: alert.evidence,
    ...(updated.machine === undefined && alert.machine ? { machine: alert.machine } : {}),
  }));
  return finishAction(action, 'succeeded', now);
}

/** Sends a queued action to Defender (it is already recorded as `sending` with its comment). */
async function send(action: ResponseAction, ctx: AdvanceContext): Promise<ResponseAction> {
  const comment = action.defenderComment ?? defenderComment(action);
  try {
    const checked = await precheck(action, ctx);
    if (checked !== undefined) return checked;
    if (machineTypeOf(action) !== undefined) return await sendMachineAction(action, ctx, comment);
    return await sendAlertChange(action, ctx, comment);
  } catch (error) {
    const verdict = classifyDefenderError(error);
    switch (verdict.kind) {
      case 'pending': {
        const open = await openConflict(action, ctx).catch(() => undefined);
        if (open !== undefined) {
          const who = open.requestor ? ` by ${open.requestor}` : '';
          return following(
            action,
            open,
            ctx,
            `Defender already had a request pending${who}; Vigil follows that one`,
          );
        }
        return later(action, ctx, 'Defender says a request is already pending on the machine', 'queued');
      }
      case 'maybeActed':
        return later(action, ctx, verdict.message, 'sending');
      case 'retry':
        return later(action, ctx, verdict.message, 'queued', verdict.retryAfterMs);
      case 'fail':
        return finishAction(action, 'failed', iso(ctx.clock.now()), verdict.message);
    }
  }
}

/**
 * An action left in `sending` (a crash mid-call, or an answer that never came): for a machine action,
 * the Defender action carrying exactly our comment, created since the request, is ours and is followed;
 * without one, nothing was created and the action is sent again. An alert change is sent again only
 * when Defender does not show it already.
 */
async function recover(action: ResponseAction, ctx: AdvanceContext): Promise<ResponseAction> {
  const type = machineTypeOf(action);
  if (type !== undefined && action.machineId !== undefined && action.defenderComment !== undefined) {
    try {
      // Only actions created since this request (less a little clock skew): an older action with the
      // same comment (a retry of a failed one, same analyst and reason) is not ours.
      const since = iso(Date.parse(action.requestedAt) - 30_000);
      const listed = await ctx.mde.listMachineActions({
        machineId: action.machineId,
        type,
        createdSince: since,
      });
      const ours = listed.find((candidate) => candidate.comment === action.defenderComment);
      if (ours !== undefined) return following(action, ours, ctx);
    } catch (error) {
      const verdict = classifyDefenderError(error);
      return later(action, ctx, verdict.kind === 'pending' ? 'Defender is busy' : verdict.message, 'sending');
    }
  }
  if (type === undefined) {
    const current = await alertChangeTookEffect(action, ctx).catch(() => undefined);
    if (current !== undefined) {
      await storeAlertChange(ctx, action.alertId, (alert) => ({
        ...current,
        evidence: alert.evidence,
        ...(current.machine === undefined && alert.machine ? { machine: alert.machine } : {}),
      }));
      return finishAction(action, 'succeeded', iso(ctx.clock.now()), 'Defender already had it');
    }
  }
  return send(action, ctx);
}

/**
 * The alert as Defender holds it when a resolution or an assignment whose answer was lost has taken
 * effect there (so it is not sent, and its comment added, twice); undefined when it has not.
 */
async function alertChangeTookEffect(
  action: ResponseAction,
  ctx: AdvanceContext,
): Promise<Alert | undefined> {
  const stored = await ctx.store.repos.alerts.get(action.alertId);
  const source = stored?.alert.source ?? 'mde';
  if (source === 'mcas') {
    if (ctx.mcas === undefined) return undefined;
    const current = await ctx.mcas.getAlert(action.alertId);
    return current.status === 'resolved' ? current : undefined;
  }
  const current = await ctx.mde.getAlert(action.alertId);
  const done =
    action.kind === 'resolve'
      ? current.status === 'resolved'
      : current.assignedTo?.toLowerCase() === action.params.assignee?.toLowerCase();
  return done ? current : undefined;
}

/** Checks a followed machine action in Defender, and ends ours when Defender's has ended. */
async function track(action: ResponseAction, ctx: AdvanceContext): Promise<ResponseAction> {
  const now = ctx.clock.now();
  const checks = action.attempts + 1;
  const next = (note?: string): ResponseAction => ({
    ...action,
    attempts: checks,
    nextCheckAt: iso(now + pollDelayMs(checks, ctx.settings.poll)),
    updatedAt: iso(now),
    ...(note === undefined ? {} : { outcomeNote: note }),
  });
  if (action.defenderActionId === undefined) return send(action, ctx);
  // Past the follow limit Vigil gives up, but only after one more read: an action Defender ended
  // meanwhile (the last check came before, this one after the limit) ends as Defender says.
  const defenderActionId = action.defenderActionId;
  const overdue = now - Date.parse(action.requestedAt) > ctx.settings.followLimitMs;
  const giveUp = (last: ResponseAction): ResponseAction =>
    finishAction(
      last,
      'timeOut',
      iso(now),
      `Vigil stopped following Defender action ${defenderActionId}: no final status after ${Math.round(ctx.settings.followLimitMs / 3_600_000)} h`,
    );
  try {
    const current = await ctx.mde.getMachineAction(defenderActionId);
    const final = finalStateOf(current.status);
    if (final !== undefined) {
      const note =
        final === 'cancelled' && current.cancellationRequestor
          ? `by ${current.cancellationRequestor}${current.cancellationComment ? `: ${current.cancellationComment}` : ''}`
          : final === 'failed'
            ? 'Defender reported the action as failed on the device'
            : undefined;
      return finishAction({ ...action, defenderStatus: current.status }, final, iso(now), note);
    }
    if (overdue) return giveUp({ ...action, defenderStatus: current.status });
    const { outcomeNote, ...rest } = next();
    const keep = outcomeNote !== undefined && !outcomeNote.startsWith(READ_FAILED);
    return { ...rest, ...(keep ? { outcomeNote } : {}), defenderStatus: current.status };
  } catch (error) {
    // A failed read is not a failed action: Defender may still be working on it. Keep following (the
    // note says why the status is old) until the follow limit.
    if (overdue) return giveUp(action);
    const verdict = classifyDefenderError(error);
    const message = verdict.kind === 'pending' ? 'Defender is busy' : verdict.message;
    return next(`${READ_FAILED} (${message}); it tries again`);
  }
}

/**
 * Moves a claimed action one step: an approval that ran out expires; a queued action is sent (after
 * being recorded as `sending` by `markSending`); one left in `sending` is recovered; a followed one is
 * checked. Returns the action's next version, which the worker stores.
 */
export async function advanceAction(
  action: ResponseAction,
  ctx: AdvanceContext,
  markSending: (action: ResponseAction) => Promise<ResponseAction>,
): Promise<ResponseAction> {
  const now = ctx.clock.now();
  switch (action.state) {
    case 'awaitingApproval':
      if (action.approval && Date.parse(action.approval.expiresAt) > now) {
        return { ...action, nextCheckAt: action.approval.expiresAt };
      }
      return finishAction(action, 'expired', iso(now), 'nobody approved it in time');
    case 'queued': {
      const sending = await markSending({
        ...action,
        state: 'sending',
        attempts: action.attempts + 1,
        defenderComment: action.defenderComment ?? defenderComment(action),
        nextCheckAt: iso(now + ctx.settings.leaseMs),
        updatedAt: iso(now),
      });
      return send(sending, ctx);
    }
    case 'sending':
      return recover({ ...action, attempts: action.attempts + 1 }, ctx);
    case 'inProgress':
      return track(action, ctx);
    default:
      return action;
  }
}
