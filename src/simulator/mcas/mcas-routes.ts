import { notFound, SimHttpError } from '../http/sim-error';
import type { RouteSpec, SimHandler, SimRequest } from '../http/sim-router';
import type { McasAlert } from '../model/mcas-types';
import type { SimContext } from '../sim-context';
import { closeMcasAlerts, type McasCloseKind, readCloseBody } from './close-mcas-alerts';
import { listMcasAlerts, readListQuery } from './list-mcas-alerts';

/** Where the Cloud Apps API lives on the simulator (a tenant's `https://<tenant>.portal…/api/v1`). */
export const MCAS_BASE = '/mcas/api/v1';

/**
 * Cloud Apps roles (defender-api.md §7): `Investigation.read` lists, fetches and marks read;
 * `Investigation.manage` also closes. An API token holds `Investigation.manage`.
 */
export function requireMcasRole(req: SimRequest, needed: 'read' | 'manage'): void {
  const roles = req.caller.roles;
  if (roles.includes('Investigation.manage')) return;
  if (needed === 'read' && roles.includes('Investigation.read')) return;
  const role = needed === 'read' ? 'Investigation.read or Investigation.manage' : 'Investigation.manage';
  throw new SimHttpError(403, 'Forbidden', `The application does not have the required permission: ${role}.`);
}

function findAlert(ctx: SimContext, id: string): McasAlert {
  const alert = ctx.state.mcasAlerts.get(id);
  if (!alert) throw notFound(`Alert ${id} was not found.`);
  return alert;
}

function route(method: RouteSpec['method'], path: string, handler: SimHandler): RouteSpec {
  return { method, pattern: `${MCAS_BASE}${path}/`, auth: 'mcas', family: 'mcas', handler };
}

function listHandler(ctx: SimContext): SimHandler {
  return (req) => {
    requireMcasRole(req, 'read');
    const page = listMcasAlerts(ctx.state.mcasAlerts.values(), readListQuery(req), ctx.now());
    return { status: 200, body: page };
  };
}

function closeRoute(ctx: SimContext, kind: McasCloseKind): RouteSpec {
  return route('POST', `/alerts/close_${kind}`, (req) => {
    requireMcasRole(req, 'manage');
    const body = readCloseBody(kind, req.body);
    const answer = closeMcasAlerts(ctx.state.mcasAlerts, kind, body, req.caller.appId, ctx.now());
    return { status: 200, body: answer };
  });
}

function markRoute(ctx: SimContext, verb: 'read' | 'unread'): RouteSpec {
  return route('POST', `/alerts/:id/${verb}`, (req) => {
    requireMcasRole(req, 'read');
    const alert = findAlert(ctx, req.params.id ?? '');
    alert.statusValue = verb === 'read' ? 1 : 0;
    return { status: 200, body: alert };
  });
}

/** The deprecated `POST /alerts/<pk>/dismiss/`, mapped to close as false positive as Cloud Apps does. */
function dismissRoute(ctx: SimContext): RouteSpec {
  return route('POST', '/alerts/:id/dismiss', (req) => {
    requireMcasRole(req, 'manage');
    const id = findAlert(ctx, req.params.id ?? '')._id;
    const comment = (req.body as { comment?: unknown } | undefined)?.comment;
    const body = readCloseBody('false_positive', {
      filters: { id: { eq: [id] } },
      ...(typeof comment === 'string' ? { comment } : {}),
    });
    const answer = closeMcasAlerts(ctx.state.mcasAlerts, 'false_positive', body, req.caller.appId, ctx.now());
    return { status: 200, body: answer };
  });
}

/** The Defender for Cloud Apps alert routes under `/mcas/api/v1` (trailing slash optional). */
export function mcasRoutes(ctx: SimContext): RouteSpec[] {
  return [
    route('GET', '/alerts', listHandler(ctx)),
    route('POST', '/alerts', listHandler(ctx)),
    closeRoute(ctx, 'benign'),
    closeRoute(ctx, 'false_positive'),
    closeRoute(ctx, 'true_positive'),
    route('GET', '/alerts/:id', (req) => {
      requireMcasRole(req, 'read');
      return { status: 200, body: findAlert(ctx, req.params.id ?? '') };
    }),
    markRoute(ctx, 'read'),
    markRoute(ctx, 'unread'),
    dismissRoute(ctx),
  ];
}
