import { z } from 'zod';
import { ESTATE_DOMAIN, machineFromDnsName } from '../../estate/estate-machines';
import { machineIdFor } from '../../estate/mde-ids';
import { MINUTE_MS, toMdeTime } from '../../estate/mde-time';
import { badRequest } from '../../http/sim-error';
import type { MdeAlert, MdeMachine } from '../../model/mde-types';
import type { SimContext } from '../../sim-context';
import { alertFieldsSchema } from './alert-fields-schema';
import { draftAlert, nextIncidentId, resolveMachine, uniqueAlertId } from './create-alert';

/** The most alerts one bulk request creates. */
export const MAX_BULK_ALERTS = 100_000;

/** `POST /_sim/mde/alerts/bulk`: `count` alerts from one `template`, spread over `machines` machines. */
export const bulkAlertsSchema = z
  .object({
    count: z.number().int().min(1).max(MAX_BULK_ALERTS),
    template: alertFieldsSchema.optional(),
    machines: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export type BulkAlertsRequest = z.infer<typeof bulkAlertsSchema>;

/** The first `count` machines of the state, then new ones (`bulk-00001.contoso.local`, …) as needed. */
function bulkMachines(ctx: SimContext, count: number): MdeMachine[] {
  const machines = [...ctx.state.machines.values()].slice(0, count);
  for (let n = machines.length + 1; machines.length < count; n += 1) {
    const dns = `bulk-${String(n).padStart(5, '0')}.${ESTATE_DOMAIN}`;
    const known = ctx.state.machines.get(machineIdFor(dns));
    const machine = known ?? machineFromDnsName(dns, ctx.now());
    if (!known) ctx.state.addMachine(machine);
    machines.push(machine);
  }
  return machines;
}

/** The times of an alert created at `createdMs`, leaving out those the template fixes. */
function timesAt(createdMs: number, fixed: ReadonlySet<string>): Partial<MdeAlert> {
  const times: Partial<MdeAlert> = {};
  if (!fixed.has('alertCreationTime')) times.alertCreationTime = toMdeTime(createdMs);
  if (!fixed.has('firstEventTime')) times.firstEventTime = toMdeTime(createdMs - 6 * MINUTE_MS);
  if (!fixed.has('lastEventTime')) times.lastEventTime = toMdeTime(createdMs - MINUTE_MS);
  if (!fixed.has('lastUpdateTime')) times.lastUpdateTime = times.alertCreationTime ?? toMdeTime(createdMs);
  return times;
}

/**
 * A copy of a prototype alert under a new id. Evidence and techniques are shared with the prototype
 * (nothing changes them after creation); comments, which PATCH appends to, are the alert's own.
 */
function copyAlert(proto: MdeAlert, id: string, incidentId: number, times: Partial<MdeAlert>): MdeAlert {
  return {
    ...proto,
    ...times,
    id,
    incidentId,
    relatedUser: proto.relatedUser && { ...proto.relatedUser },
    comments: proto.comments.map((comment) => ({ ...comment })),
  };
}

/**
 * Creates `count` alerts round-robin over the machines (or all on the template's machine) with one
 * prototype per machine, so 10,000 alerts take milliseconds. Creation times step back 1 ms each from now
 * unless the template fixes them. Returns the new ids in creation order.
 */
export function createAlertsInBulk(ctx: SimContext, request: BulkAlertsRequest): string[] {
  const { count, template = {} } = request;
  if (template.id !== undefined)
    throw badRequest('InvalidRequestBody', 'template.id: a bulk template cannot fix an id.');
  const namesMachine = template.machineId !== undefined || template.computerDnsName !== undefined;
  if (namesMachine && request.machines !== undefined) {
    throw badRequest('InvalidRequestBody', 'Give either machines or a machine in the template, not both.');
  }
  const targets = namesMachine ? [resolveMachine(ctx, template)] : bulkMachines(ctx, request.machines ?? 1);
  const protos: MdeAlert[] = [];
  const protoFor = (index: number) => {
    protos[index] ??= draftAlert(ctx, template, { id: '', incidentId: 0, machine: targets[index] ?? null });
    return protos[index];
  };
  const now = ctx.now();
  const fixedTimes = template.alertCreationTime !== undefined;
  const fixed = new Set(Object.keys(template));
  const firstIncident = nextIncidentId(ctx.state);
  const ids: string[] = [];
  let seq = ctx.state.alerts.size;
  for (let i = 0; i < count; i += 1) {
    const createdMs = fixedTimes ? now : now - (count - 1 - i);
    const id = uniqueAlertId(ctx.state, createdMs, seq);
    seq += 1;
    const proto = protoFor(i % targets.length);
    const times = fixedTimes ? {} : timesAt(createdMs, fixed);
    ctx.state.alerts.set(id, copyAlert(proto, id, firstIncident + i, times));
    ids.push(id);
  }
  return ids;
}
