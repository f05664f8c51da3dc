import type { RouteSpec } from '../../http/sim-router';
import { odataEntity } from '../../odata/apply-odata-query';
import type { SimContext } from '../../sim-context';
import { ACTION_KINDS } from './action-kinds';
import { cancelMachineAction } from './cancel-machine-action';
import { findMachineAction } from './find-machine-action';
import { getPackageUri } from './get-package-uri';
import { listMachineActions } from './list-machine-actions';
import { requestMachineAction } from './request-machine-action';

const READ_ROLES = ['Machine.Read.All', 'Machine.ReadWrite.All'];
/** Any action role lets a caller reach the cancel route; the handler then checks the action's own role. */
const CANCEL_ROLES = [...new Set(ACTION_KINDS.map((kind) => kind.role))];

function actionRoutes(ctx: SimContext): RouteSpec[] {
  return ACTION_KINDS.map((kind) => ({
    method: 'POST',
    pattern: `/api/machines/:id/${kind.segment}`,
    auth: 'mde',
    roles: [kind.role],
    family: 'mde',
    handler: requestMachineAction(ctx, kind),
  }));
}

/**
 * MDE's machine actions (defender-api.md §4): the seven `POST /api/machines/{id}/<action>` routes, and
 * `GET /api/machineactions`, `GET /api/machineactions/{id}`, `POST …/{id}/cancel`, `GET …/{id}/getPackageUri`.
 */
export function machineActionRoutes(ctx: SimContext): RouteSpec[] {
  return [
    ...actionRoutes(ctx),
    {
      method: 'GET',
      pattern: '/api/machineactions',
      auth: 'mde',
      roles: READ_ROLES,
      family: 'mde',
      handler: listMachineActions(ctx),
    },
    {
      method: 'GET',
      pattern: '/api/machineactions/:id',
      auth: 'mde',
      roles: READ_ROLES,
      family: 'mde',
      handler: (req) => ({
        status: 200,
        body: odataEntity('MachineActions', findMachineAction(ctx.state, req.params.id ?? '')),
      }),
    },
    {
      method: 'POST',
      pattern: '/api/machineactions/:id/cancel',
      auth: 'mde',
      roles: CANCEL_ROLES,
      family: 'mde',
      handler: cancelMachineAction(ctx),
    },
    {
      method: 'GET',
      pattern: '/api/machineactions/:id/getPackageUri',
      auth: 'mde',
      roles: ['Machine.CollectForensics'],
      family: 'mde',
      handler: getPackageUri(ctx),
    },
  ];
}
