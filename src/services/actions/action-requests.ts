import { ACTION_NOUNS, isMachineActionKind } from '../../domain/actions/action-kind';
import { describeAction } from '../../domain/actions/describe-action';
import { finishAction } from '../../domain/actions/finish-action';
import { intentKey } from '../../domain/actions/intent-key';
import type { DefenderIsolation } from '../../domain/actions/isolation-record';
import { protectionReason } from '../../domain/actions/protection';
import type { ResponseAction } from '../../domain/actions/response-action';
import type { Alert } from '../../domain/alerts/alert';
import type { AuditActor } from '../../domain/audit/audit-entry';
import { formatCardClock } from '../../domain/cards/format-card-time';
import type { Machine } from '../../domain/machines/machine';
import type { MachineAction } from '../../domain/machines/machine-action';
import type { AuditLog } from '../audit/audit-log';
import { withinTime } from '../background/within-time';
import type { Clock } from '../ports/clock.port';
import type { Store, StoredAlert, StoreTx } from '../ports/store.port';
import type { Person, RoleService } from '../roles/role-service';
import type { ActionRequest, DecisionOutcome, RefusalReason, RequestOutcome } from './action-request';
import type { ActionSettings } from './action-settings';
import { endingAudit, endingReply, recordActionChange } from './record-action-change';

/** Taking requests to act: checked, recorded with their audit entry, and handed to the action worker. */
export interface ActionRequests {
  /** A click, command or rule asks for an action on an alert. */
  request(request: ActionRequest): Promise<RequestOutcome>;
  /** A second responder approves a protected machine's action. */
  approve(by: Person, actionId: string): Promise<DecisionOutcome>;
  /** A second responder (or the requester, withdrawing it) rejects a protected machine's action. */
  reject(by: Person, actionId: string): Promise<DecisionOutcome>;
}

/** What taking requests needs. */
export interface ActionRequestsDeps {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly roles: RoleService;
  readonly clock: Clock;
  readonly settings: ActionSettings;
  /** Defender's record of a machine (tags for protection); undefined when Defender cannot say. */
  readonly lookupMachine: (machineId: string) => Promise<Machine | undefined>;
  /** A new unique action id. */
  readonly newId: () => string;
  /** Called after an action was recorded: the worker should look now. */
  readonly onQueued: () => void;
  /**
   * What Defender says about a machine's isolation (`readDefenderIsolation`), so that isolating an
   * isolated machine is answered at once. Without it, the worker's check before sending decides.
   */
  readonly readIsolation?: (machineId: string) => Promise<DefenderIsolation>;
  /**
   * Why a machine action on this alert needs a second responder whoever asks (a matching `require
   * approval` rule), or undefined.
   */
  readonly approvalPolicy?: (alert: Alert) => Promise<string | undefined>;
}

const actorOf = (who: Person): AuditActor => ({
  aadObjectId: who.aadObjectId?.toLowerCase() ?? '',
  name: who.name,
});

/** " (since 20:41 UTC, by megan@contoso.com)" from the machine action that decided it. */
function since(latest: MachineAction | undefined): string {
  if (latest === undefined) return '';
  const by = latest.requestor ? `, by ${latest.requestor}` : '';
  return ` (since ${formatCardClock(latest.updatedAt)}${by})`;
}

function shortName(name: string): string {
  return name.split('.')[0] || name;
}

/** "already requested by Megan Bowen at 20:41 UTC (…status…)". */
function alreadyAsked(existing: ResponseAction): string {
  return `${describeAction(existing).text.replace(/^\S+\s/, '')}. Nothing new was sent: one request per intent.`;
}

/** The first check: is this request well-formed for this alert? Returns the machine it acts on. */
function checkFit(
  request: ActionRequest,
  stored: StoredAlert,
): { ok: true; machine?: { id: string; name: string } } | { ok: false; message: string } {
  const alert = stored.alert;
  if (isMachineActionKind(request.kind)) {
    if (request.userMachine !== undefined) return { ok: true, machine: request.userMachine };
    if (alert.machine === undefined) {
      return { ok: false, message: `Alert ${alert.id} names no machine to act on.` };
    }
    if (
      request.machineId !== undefined &&
      request.machineId.toLowerCase() !== alert.machine.id.toLowerCase()
    ) {
      return { ok: false, message: `That button is for another machine than alert ${alert.id}'s.` };
    }
    return { ok: true, machine: alert.machine };
  }
  if (request.kind === 'assign' && alert.source !== 'mde') {
    return { ok: false, message: 'Defender for Cloud Apps alerts cannot be assigned; resolve them instead.' };
  }
  if (request.kind === 'assign' && !request.params.assignee) {
    return { ok: false, message: 'Say who the alert goes to (a sign-in name such as megan@contoso.com).' };
  }
  if (request.kind === 'resolve' && !request.params.classification) {
    return { ok: false, message: 'Choose a classification to resolve the alert.' };
  }
  return { ok: true };
}

/**
 * Creates the request side of response actions. Every request is checked in this order, and each refusal
 * is audited with nothing sent: the person's role (`alert.act`), the alert (known to Vigil, with a
 * machine for machine actions), whether there is anything to do, and whether the same intent is already
 * open. A new action is then recorded in one transaction with its audit entry and the card update, and
 * the worker sends it. Isolating a protected machine records it as waiting for a second responder.
 */
export function createActionRequests(deps: ActionRequestsDeps): ActionRequests {
  const nowIso = () => new Date(deps.clock.now()).toISOString();

  const refuse = async (
    who: Person,
    action: string,
    target: string,
    reason: RefusalReason,
    message: string,
    details: Record<string, unknown> = {},
  ): Promise<{ status: 'refused'; reason: RefusalReason; message: string }> => {
    await deps.audit.record({
      tenantId: who.tenantId,
      actor: actorOf(who),
      action,
      target,
      outcome: 'refused',
      details: { reason, ...details },
    });
    return { status: 'refused', reason, message };
  };

  /** Already so? A message saying so, or undefined when there is something to do. */
  const alreadyDone = async (request: ActionRequest, stored: StoredAlert): Promise<string | undefined> => {
    const alert = stored.alert;
    if (request.kind === 'resolve' && alert.status === 'resolved') {
      return `Alert ${alert.id} is already resolved${alert.classification ? ` (${alert.classification})` : ''}: nothing was sent.`;
    }
    if (
      request.kind === 'assign' &&
      alert.assignedTo?.toLowerCase() === request.params.assignee?.toLowerCase()
    ) {
      return `Alert ${alert.id} is already assigned to ${alert.assignedTo}: nothing was sent.`;
    }
    if ((request.kind === 'isolate' || request.kind === 'unisolate') && alert.machine && deps.readIsolation) {
      // Defender decides, not Vigil's record (the portal or an automated investigation may have acted
      // since). No answer in time: the request is queued and the worker asks again before sending.
      const state = await withinTime(deps.readIsolation(alert.machine.id), deps.settings.lookupTimeoutMs);
      const name = shortName(alert.machine.name);
      if (state !== undefined && state.open === undefined) {
        if (request.kind === 'isolate' && state.isolated === true) {
          return `${name} is already isolated in Defender${since(state.decisive)}: nothing was sent.`;
        }
        if (request.kind === 'unisolate' && state.isolated === false) {
          return `${name} is not isolated in Defender${since(state.decisive)}: nothing was sent.`;
        }
      }
    }
    return undefined;
  };

  /** Why isolating this machine needs approval, or undefined. Unknown tags count as protected. */
  const approvalReason = async (machine: { id: string; name: string }): Promise<string | undefined> => {
    const found = await withinTime(deps.lookupMachine(machine.id), deps.settings.lookupTimeoutMs);
    if (found === undefined) {
      const byName = protectionReason({ name: machine.name, tags: [] }, deps.settings.protection);
      return byName ?? `Vigil could not read ${machine.name}'s tags from Defender to rule out protection`;
    }
    return protectionReason(found, deps.settings.protection);
  };

  const request = async (request: ActionRequest): Promise<RequestOutcome> => {
    const auditAction = `alert.${request.kind}.request`;
    // A rule acts with the authority of the admin who wrote it (checked when it was added).
    if (request.origin !== 'rule' && !(await deps.roles.can(request.by, 'alert.act'))) {
      return refuse(
        request.by,
        auditAction,
        request.alertId,
        'permission',
        `Only responders and admins can ask for ${ACTION_NOUNS[request.kind].toLowerCase()}. Ask an admin for the responder role.`,
        { permission: 'alert.act' },
      );
    }
    const stored = await deps.store.repos.alerts.get(request.alertId);
    if (stored === undefined) {
      return refuse(
        request.by,
        auditAction,
        request.alertId,
        'unknown',
        `Vigil does not know alert ${request.alertId}.`,
      );
    }
    const fit = checkFit(request, stored);
    if (!fit.ok) return refuse(request.by, auditAction, request.alertId, 'invalid', fit.message);
    const done = await alreadyDone(request, stored);
    if (done !== undefined) {
      await deps.audit.record({
        tenantId: request.by.tenantId,
        actor: actorOf(request.by),
        action: auditAction,
        target: request.alertId,
        outcome: 'succeeded',
        details: { result: 'nothing to do', note: done },
      });
      return { status: 'nothingToDo', message: done };
    }
    const needsApproval = fit.machine
      ? (request.approvalReason ??
        (await deps.approvalPolicy?.(stored.alert)) ??
        (request.kind === 'isolate' ? await approvalReason(fit.machine) : undefined))
      : undefined;
    const outcome = await deps.store.transaction((tx) =>
      record(tx, request, fit.machine, needsApproval, auditAction),
    );
    if (outcome.status === 'accepted') deps.onQueued();
    return outcome;
  };

  const record = async (
    tx: StoreTx,
    request: ActionRequest,
    machine: { id: string; name: string } | undefined,
    approval: string | undefined,
    auditAction: string,
  ): Promise<RequestOutcome> => {
    const now = nowIso();
    const key = intentKey(request.kind, {
      alertId: request.alertId,
      ...(machine ? { machineId: machine.id } : {}),
    });
    const existing = await tx.actions.getByKey(key);
    if (existing !== undefined) {
      await deps.audit.record(
        {
          tenantId: request.by.tenantId,
          actor: actorOf(request.by),
          action: auditAction,
          target: request.alertId,
          outcome: 'refused',
          details: { reason: 'already requested', actionId: existing.id },
        },
        tx,
      );
      return { status: 'duplicate', action: existing, message: alreadyAsked(existing) };
    }
    const expiresAt = new Date(deps.clock.now() + deps.settings.approvalTtlMs).toISOString();
    const action: ResponseAction = {
      id: deps.newId(),
      requestKey: key,
      kind: request.kind,
      origin: request.origin,
      tenantId: request.by.tenantId,
      alertId: request.alertId,
      ...(machine ? { machineId: machine.id, machineName: machine.name } : {}),
      params: request.params,
      requestedBy: actorOf(request.by),
      requestedAt: now,
      state: approval === undefined ? 'queued' : 'awaitingApproval',
      ...(approval === undefined ? {} : { approval: { reason: approval, expiresAt } }),
      attempts: 0,
      nextCheckAt: approval === undefined ? now : expiresAt,
      updatedAt: now,
    };
    const line = describeAction(action).text;
    await recordActionChange(
      tx,
      {
        action,
        isNew: true,
        nowIso: now,
        audit: {
          tenantId: action.tenantId,
          actor: action.requestedBy,
          action: auditAction,
          target: action.alertId,
          outcome: 'succeeded',
          details: { actionId: action.id, ...action.params, ...(approval ? { approval } : {}) },
        },
        ...(approval === undefined ? {} : { reply: `${line}. Approve or reject it on the card.` }),
      },
      deps.audit,
    );
    const message =
      approval === undefined
        ? `${line.replace(/^\S+\s/, '')}. The card follows it until Defender is done.`
        : `${approval}: your request waits for a second responder's approval until ${formatCardClock(expiresAt)}.`;
    return { status: 'accepted', action, message };
  };

  const decide = async (
    by: Person,
    actionId: string,
    verdict: 'approve' | 'reject',
  ): Promise<DecisionOutcome> => {
    const found = await deps.store.repos.actions.get(actionId);
    const auditAction = `alert.${found?.kind ?? 'action'}.${verdict}`;
    if (found === undefined) {
      return refuse(by, auditAction, actionId, 'unknown', 'Vigil does not know that request any more.');
    }
    if (found.tenantId !== by.tenantId) {
      return refuse(by, auditAction, actionId, 'unknown', 'Vigil does not know that request any more.', {
        reason: 'other tenant',
      });
    }
    if (!(await deps.roles.can(by, 'alert.act'))) {
      return refuse(
        by,
        auditAction,
        found.alertId,
        'permission',
        'Only responders and admins can approve or reject requests.',
        {
          actionId,
        },
      );
    }
    const self = (by.aadObjectId ?? '').toLowerCase() === found.requestedBy.aadObjectId;
    if (verdict === 'approve' && self) {
      return refuse(
        by,
        auditAction,
        found.alertId,
        'self-approval',
        'You asked for this yourself: a second responder must approve it.',
        { actionId },
      );
    }
    const requester = { tenantId: found.tenantId, aadObjectId: found.requestedBy.aadObjectId, name: '' };
    // A rule's request stands on the authority of the admin who wrote it, not on a role of its own.
    if (verdict === 'approve' && found.origin !== 'rule' && !(await deps.roles.can(requester, 'alert.act'))) {
      return refuse(
        by,
        auditAction,
        found.alertId,
        'permission',
        `${found.requestedBy.name || 'The requester'} no longer holds the responder role: the request cannot be approved.`,
        { actionId, requester: found.requestedBy.aadObjectId },
      );
    }
    const outcome = await deps.store.transaction(async (tx): Promise<DecisionOutcome> => {
      const action = await tx.actions.get(actionId);
      const now = nowIso();
      // A click that came too late is audited too: who tried to decide what, and why nothing changed.
      const tooLate = (reason: string, details: Record<string, unknown> = {}) =>
        deps.audit.record(
          {
            tenantId: by.tenantId,
            actor: actorOf(by),
            action: auditAction,
            target: found.alertId,
            outcome: 'refused',
            details: { reason, actionId, ...details },
          },
          tx,
        );
      if (action === undefined || action.state !== 'awaitingApproval' || action.approval === undefined) {
        const current = action ?? found;
        await tooLate('too late', { state: current.state });
        return {
          status: 'tooLate',
          action: current,
          message: `Too late: ${describeAction(current).text.replace(/^\S+\s/, '')}.`,
        };
      }
      const decided = { ...action.approval, decidedBy: actorOf(by), decidedAt: now };
      if (Date.parse(action.approval.expiresAt) <= deps.clock.now()) {
        // The action ends here as it would in the worker: card update, thread reply and ending audit.
        const expired = finishAction(action, 'expired', now, 'nobody approved it in time');
        await recordActionChange(
          tx,
          {
            action: expired,
            isNew: false,
            nowIso: now,
            audit: endingAudit(expired),
            reply: endingReply(expired),
          },
          deps.audit,
        );
        await tooLate('expired');
        return {
          status: 'tooLate',
          action: expired,
          message: 'Too late: the request expired before anyone approved it.',
        };
      }
      const next: ResponseAction =
        verdict === 'approve'
          ? { ...action, approval: decided, state: 'queued', nextCheckAt: now, updatedAt: now }
          : finishAction(
              { ...action, approval: decided },
              'rejected',
              now,
              `by ${by.name}${self ? ' (withdrawn)' : ''}`,
            );
      const who = by.name || 'a responder';
      await recordActionChange(
        tx,
        {
          action: next,
          isNew: false,
          nowIso: now,
          audit: {
            tenantId: by.tenantId,
            actor: actorOf(by),
            action: auditAction,
            target: action.alertId,
            outcome: 'succeeded',
            details: { actionId, requestedBy: action.requestedBy.aadObjectId },
          },
          reply:
            verdict === 'approve'
              ? `👍 ${who} approved: ${describeAction(next).text.replace(/^\S+\s/, '')}.`
              : `⛔ ${who} rejected the request: nothing was sent to Defender.`,
        },
        deps.audit,
      );
      return {
        status: 'decided',
        action: next,
        message:
          verdict === 'approve'
            ? 'Approved: Vigil sends it to Defender now.'
            : 'Rejected: nothing was sent to Defender.',
      };
    });
    // After the commit: the worker sends an approved action, the outbox updates the card.
    if (outcome.status !== 'refused') deps.onQueued();
    return outcome;
  };

  return {
    request,
    approve: (by, actionId) => decide(by, actionId, 'approve'),
    reject: (by, actionId) => decide(by, actionId, 'reject'),
  };
}
