import { ALERT_TEMPLATES, type AlertTemplate } from '../../estate/alert-templates';
import { buildAlert } from '../../estate/build-alert';
import { machineFromDnsName } from '../../estate/estate-machines';
import { makeEvidence } from '../../estate/mde-evidence';
import { newAlertId } from '../../estate/mde-ids';
import { toMdeTime } from '../../estate/mde-time';
import { badRequest, SimHttpError } from '../../http/sim-error';
import type { MdeAlert, MdeMachine } from '../../model/mde-types';
import type { SimContext } from '../../sim-context';
import type { SimState } from '../../state/sim-state';
import { alertUserFor, primaryUserOf } from '../users/user-lookup';
import type { AlertFields } from './alert-fields-schema';

/** The next free incident id: one above the highest in use (each new alert opens its own incident). */
export function nextIncidentId(state: SimState): number {
  let highest = 100;
  for (const alert of state.alerts.values()) highest = Math.max(highest, alert.incidentId ?? 0);
  return highest + 1;
}

/** A fresh id of MDE's form for an alert created at `createdMs`, not yet used in the state. */
export function uniqueAlertId(state: SimState, createdMs: number, seq = state.alerts.size): string {
  let next = seq;
  let id = newAlertId(createdMs, next);
  while (state.alerts.has(id)) id = newAlertId(createdMs, ++next);
  return id;
}

/** Where an alert without a machine goes: the first workstation (fin-ws-001 in the estate). */
function defaultMachine(state: SimState): MdeMachine | null {
  const machines = [...state.machines.values()];
  return machines.find((m) => m.rbacGroupName === 'Workstations') ?? machines[0] ?? null;
}

/** The alert's machine: by `machineId` (must exist), by `computerDnsName` (created if new), or the default. */
export function resolveMachine(ctx: SimContext, fields: AlertFields): MdeMachine | null {
  const { state } = ctx;
  if (fields.machineId !== undefined && fields.machineId !== null) {
    const machine =
      state.machines.get(fields.machineId) ?? state.machines.get(fields.machineId.toLowerCase());
    if (!machine)
      throw badRequest('InvalidRequestBody', `machineId: no machine has the id ${fields.machineId}.`);
    const named = fields.computerDnsName ? state.findMachine(fields.computerDnsName) : machine;
    if (named?.id !== machine.id) {
      throw badRequest(
        'InvalidRequestBody',
        `computerDnsName ${fields.computerDnsName} is not machine ${machine.id}.`,
      );
    }
    return machine;
  }
  if (fields.machineId === null || fields.computerDnsName === null) return null;
  if (fields.computerDnsName === undefined) return defaultMachine(state);
  const known = state.findMachine(fields.computerDnsName);
  if (known) return known;
  const created = machineFromDnsName(fields.computerDnsName, ctx.now());
  state.addMachine(created);
  return created;
}

const isUnix = (machine: MdeMachine | null) =>
  machine !== null && ['Linux', 'macOS'].includes(machine.osPlatform);

/** The template closest to the given fields: same title, else category and severity, else either. */
export function pickTemplate(fields: AlertFields, machine: MdeMachine | null): AlertTemplate {
  const platform = isUnix(machine) ? 'unix' : 'windows';
  const fitting = ALERT_TEMPLATES.filter((t) => t.platform === undefined || t.platform === platform);
  const tests: Array<(t: AlertTemplate) => boolean> = [
    (t) => t.title === fields.title,
    (t) => t.category === fields.category && t.severity === fields.severity,
    (t) => t.category === fields.category,
    (t) => t.severity === fields.severity,
  ];
  for (const pool of [fitting, ALERT_TEMPLATES]) {
    for (const test of tests) {
      const found = pool.find(test);
      if (found) return found;
    }
  }
  return fitting[0] ?? (ALERT_TEMPLATES[0] as AlertTemplate);
}

/** The given fields over a built alert; derived fields follow what was given, as MDE would fill them. */
function overlay(base: MdeAlert, fields: AlertFields, template: AlertTemplate, nowMs: number): MdeAlert {
  const { evidence, ...rest } = fields;
  const alert: MdeAlert = { ...base, ...(rest as Partial<MdeAlert>) };
  if (evidence) {
    alert.evidence = evidence.map((item) =>
      makeEvidence({ evidenceCreationTime: alert.alertCreationTime, ...item }),
    );
  }
  if (fields.title !== undefined && fields.title !== template.title && fields.description === undefined) {
    alert.description = `${fields.title} was detected on ${alert.computerDnsName ?? 'a device'}.`;
  }
  if (fields.lastUpdateTime === undefined) {
    alert.lastUpdateTime = toMdeTime(Math.max(nowMs, Date.parse(alert.alertCreationTime)));
  }
  if (alert.status === 'Resolved' && fields.resolvedTime === undefined)
    alert.resolvedTime = alert.lastUpdateTime;
  return alert;
}

/** Builds an alert from control-route fields without storing it; `machine` overrides the fields' machine. */
export function draftAlert(
  ctx: SimContext,
  fields: AlertFields,
  options: { id: string; incidentId: number; machine: MdeMachine | null; template?: AlertTemplate },
): MdeAlert {
  const { machine } = options;
  const user =
    fields.relatedUser === undefined
      ? machine && primaryUserOf(ctx.state, machine.id)
      : fields.relatedUser &&
        alertUserFor(ctx.state, fields.relatedUser.userName, fields.relatedUser.domainName);
  const template = options.template ?? pickTemplate(fields, machine);
  const createdMs = fields.alertCreationTime === undefined ? ctx.now() : Date.parse(fields.alertCreationTime);
  const base = buildAlert({
    id: options.id,
    template,
    machine,
    user,
    createdMs,
    incidentId: options.incidentId,
  });
  return overlay(base, fields, template, ctx.now());
}

/**
 * Creates and stores an alert from any subset of MDE alert fields (`POST /_sim/mde/alerts`, the alert
 * raiser). Every given field is kept; a duplicate `id` is a 409; an unknown `machineId` is a 400.
 */
export function createAlert(ctx: SimContext, fields: AlertFields, template?: AlertTemplate): MdeAlert {
  const { state } = ctx;
  if (fields.id !== undefined && state.alerts.has(fields.id)) {
    throw new SimHttpError(409, 'Conflict', `An alert with the id ${fields.id} already exists.`);
  }
  const machine = resolveMachine(ctx, fields);
  const id = fields.id ?? uniqueAlertId(state, ctx.now());
  const alert = draftAlert(ctx, fields, { id, incidentId: nextIncidentId(state), machine, template });
  state.alerts.set(alert.id, alert);
  return alert;
}
