import { badRequest, notFound } from '../../http/sim-error';
import type { RouteSpec, SimRequest, SimResponse } from '../../http/sim-router';
import type { MdeAlert } from '../../model/mde-types';
import { applyODataQuery, odataCollection, odataEntity } from '../../odata/apply-odata-query';
import type { SimContext } from '../../sim-context';
import { MACHINE_READ_ROLES } from '../machines/machine-roles';
import { USER_READ_ROLES } from '../users/user-roles';
import { ALERT_ODATA_SPEC } from './alert-odata-spec';
import { ALERT_READ_ROLES, ALERT_WRITE_ROLES } from './alert-roles';
import { type AlertUpdate, applyAlertUpdate, parseAlertUpdate } from './alert-update';
import { findAlert } from './find-alert';
import { renderAlert } from './render-alert';

/** The most alert ids one `batchUpdate` takes (MDE's cap is undocumented). */
export const MAX_BATCH_ALERTS = 500;

/** Answers a collection of alerts with OData options applied; evidence only with `$expand=evidence`. */
export function alertCollection(ctx: SimContext, req: SimRequest, alerts: readonly MdeAlert[]): SimResponse {
  const result = applyODataQuery(alerts, req.query, ALERT_ODATA_SPEC, {
    linkBase: `${ctx.baseUrl}${req.path}`,
  });
  const withEvidence = result.expand.includes('evidence');
  return {
    status: 200,
    body: odataCollection(result, ALERT_ODATA_SPEC, (a) => renderAlert(a, withEvidence)),
  };
}

/** One alert as an entity; honours `$expand=evidence` (and `$select`). */
function alertEntity(alert: MdeAlert, query: URLSearchParams): Record<string, unknown> {
  const options = new URLSearchParams();
  for (const [key, value] of query) {
    if (['$expand', '$select'].includes(key.toLowerCase())) options.append(key, value);
  }
  const result = applyODataQuery([alert], options, ALERT_ODATA_SPEC);
  const body = odataCollection(result, ALERT_ODATA_SPEC, (a) =>
    renderAlert(a, result.expand.includes('evidence')),
  );
  return odataEntity('Alerts', (body.value as object[])[0] ?? {});
}

function readAlertIds(body: unknown): string[] {
  const ids = (body as { alertIds?: unknown } | undefined)?.alertIds;
  if (ids === undefined) throw badRequest('MissingRequiredParameter', "The 'alertIds' property is required.");
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
    throw badRequest('InvalidRequestBody', "'alertIds' must be a non-empty array of alert ids.");
  }
  if (ids.length > MAX_BATCH_ALERTS) {
    throw badRequest(
      'MaximumBatchSizeExceeded',
      `The batch holds ${ids.length} alert ids; the maximum is ${MAX_BATCH_ALERTS}.`,
    );
  }
  return ids as string[];
}

function batchUpdate(ctx: SimContext, req: SimRequest): SimResponse {
  const ids = readAlertIds(req.body);
  const fields = { ...(req.body as Record<string, unknown>) };
  delete fields.alertIds;
  const update: AlertUpdate = parseAlertUpdate(fields);
  const missing = ids.filter((id) => !ctx.state.alerts.has(id));
  if (missing.length > 0) throw notFound(`Alerts not found: ${missing.slice(0, 10).join(', ')}.`);
  const now = ctx.now();
  for (const id of new Set(ids)) applyAlertUpdate(findAlert(ctx.state, id), update, req.caller.appId, now);
  return { status: 200 };
}

function alertUser(ctx: SimContext, id: string): SimResponse {
  const alert = findAlert(ctx.state, id);
  const name = alert.relatedUser?.userName;
  const entry = name === undefined ? undefined : ctx.state.users.get(name.toLowerCase());
  if (!entry) throw notFound(`No user was found for alert ${id}.`);
  return { status: 200, body: odataEntity('Users', entry.user) };
}

function alertMachine(ctx: SimContext, id: string): SimResponse {
  const alert = findAlert(ctx.state, id);
  const machine = alert.machineId === null ? undefined : ctx.state.machines.get(alert.machineId);
  if (!machine) throw notFound(`No machine was found for alert ${id}.`);
  return { status: 200, body: odataEntity('Machines', machine) };
}

/** The MDE alert routes: list, get, update, batch update, and the alert's machine and user. */
export function alertRoutes(ctx: SimContext): RouteSpec[] {
  const mde = { auth: 'mde', family: 'mde' } as const;
  return [
    {
      ...mde,
      method: 'GET',
      pattern: '/api/alerts',
      roles: ALERT_READ_ROLES,
      handler: (req) => alertCollection(ctx, req, [...ctx.state.alerts.values()]),
    },
    {
      ...mde,
      method: 'POST',
      pattern: '/api/alerts/batchUpdate',
      roles: ALERT_WRITE_ROLES,
      family: 'mde-batch',
      handler: (req) => batchUpdate(ctx, req),
    },
    {
      ...mde,
      method: 'GET',
      pattern: '/api/alerts/:id',
      roles: ALERT_READ_ROLES,
      handler: (req) => ({
        status: 200,
        body: alertEntity(findAlert(ctx.state, req.params.id ?? ''), req.query),
      }),
    },
    {
      ...mde,
      method: 'PATCH',
      pattern: '/api/alerts/:id',
      roles: ALERT_WRITE_ROLES,
      handler: (req) => {
        const alert = findAlert(ctx.state, req.params.id ?? '');
        applyAlertUpdate(alert, parseAlertUpdate(req.body), req.caller.appId, ctx.now());
        return { status: 200, body: alertEntity(alert, req.query) };
      },
    },
    {
      ...mde,
      method: 'GET',
      pattern: '/api/alerts/:id/machine',
      roles: MACHINE_READ_ROLES,
      handler: (req) => alertMachine(ctx, req.params.id ?? ''),
    },
    {
      ...mde,
      method: 'GET',
      pattern: '/api/alerts/:id/user',
      roles: USER_READ_ROLES,
      handler: (req) => alertUser(ctx, req.params.id ?? ''),
    },
  ];
}
