import type { RouteSpec, SimRequest, SimResponse } from '../../http/sim-router';
import { applyODataQuery, contextUrl, odataCollection, odataEntity } from '../../odata/apply-odata-query';
import type { SimContext } from '../../sim-context';
import { ALERT_ODATA_SPEC } from '../alerts/alert-odata-spec';
import { ALERT_READ_ROLES } from '../alerts/alert-roles';
import { alertCollection } from '../alerts/alert-routes';
import { machineLogonUsers } from '../users/machine-logon-users';
import { USER_READ_ROLES } from '../users/user-roles';
import { findMachineOr404 } from './find-machine';
import { MACHINE_ODATA_SPEC } from './machine-odata-spec';
import { MACHINE_READ_ROLES } from './machine-roles';

function machineAlerts(ctx: SimContext, req: SimRequest) {
  const machine = findMachineOr404(ctx.state, req.params.id ?? '');
  return [...ctx.state.alerts.values()].filter((alert) => alert.machineId === machine.id);
}

/** `GET /api/machines/{id}/alerts/$count`: a bare number, after `$filter`. */
function countMachineAlerts(ctx: SimContext, req: SimRequest): SimResponse {
  const query = new URLSearchParams();
  const filter = [...req.query].find(([key]) => key.toLowerCase() === '$filter');
  if (filter) query.set('$filter', filter[1]);
  query.set('$count', 'true');
  const result = applyODataQuery(machineAlerts(ctx, req), query, ALERT_ODATA_SPEC);
  return { status: 200, text: String(result.count ?? 0) };
}

/**
 * `GET /api/machines/{id}/logonusers`: a `#Users` collection, most recently seen first. The machine may
 * be named as `GET /api/machines/{id}` accepts (id, DNS or short name); an unknown one is a 404.
 */
function logonUsers(ctx: SimContext, req: SimRequest): SimResponse {
  const machine = findMachineOr404(ctx.state, req.params.id ?? '');
  return {
    status: 200,
    body: { '@odata.context': contextUrl('Users'), value: machineLogonUsers(ctx.state, machine.id) },
  };
}

/**
 * The MDE machine routes: list, get (by id or DNS name), a machine's alerts and their count, and the
 * users who log on to it.
 */
export function machineRoutes(ctx: SimContext): RouteSpec[] {
  const mde = { auth: 'mde', family: 'mde' } as const;
  return [
    {
      ...mde,
      method: 'GET',
      pattern: '/api/machines',
      roles: MACHINE_READ_ROLES,
      handler: (req) => {
        const machines = [...ctx.state.machines.values()];
        const linkBase = `${ctx.baseUrl}${req.path}`;
        const result = applyODataQuery(machines, req.query, MACHINE_ODATA_SPEC, { linkBase });
        return { status: 200, body: odataCollection(result, MACHINE_ODATA_SPEC) };
      },
    },
    {
      ...mde,
      method: 'GET',
      pattern: '/api/machines/:id',
      roles: MACHINE_READ_ROLES,
      handler: (req) => ({
        status: 200,
        body: odataEntity('Machines', findMachineOr404(ctx.state, req.params.id ?? '')),
      }),
    },
    {
      ...mde,
      method: 'GET',
      pattern: '/api/machines/:id/alerts',
      roles: ALERT_READ_ROLES,
      handler: (req) => alertCollection(ctx, req, machineAlerts(ctx, req)),
    },
    {
      ...mde,
      method: 'GET',
      pattern: '/api/machines/:id/alerts/$count',
      roles: ALERT_READ_ROLES,
      handler: (req) => countMachineAlerts(ctx, req),
    },
    {
      ...mde,
      method: 'GET',
      pattern: '/api/machines/:id/logonusers',
      roles: USER_READ_ROLES,
      handler: (req) => logonUsers(ctx, req),
    },
  ];
}
