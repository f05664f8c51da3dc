import type { RouteSpec } from '../../http/sim-router';
import type { MdeMachine } from '../../model/mde-types';
import { applyODataQuery, odataCollection } from '../../odata/apply-odata-query';
import type { SimContext } from '../../sim-context';
import { MACHINE_ODATA_SPEC } from '../machines/machine-odata-spec';
import { MACHINE_READ_ROLES } from '../machines/machine-roles';

/**
 * `GET /api/users/{name}/machines`: the machines a user logs on to. The id is the user NAME (`alice`),
 * not the UPN or `domain\name`; an unknown user gets 200 with an empty collection, as MDE answers.
 */
export function userRoutes(ctx: SimContext): RouteSpec[] {
  return [
    {
      method: 'GET',
      pattern: '/api/users/:id/machines',
      auth: 'mde',
      family: 'mde',
      roles: MACHINE_READ_ROLES,
      handler: (req) => {
        const entry = ctx.state.users.get((req.params.id ?? '').toLowerCase());
        const machines = (entry?.machineIds ?? [])
          .map((id) => ctx.state.machines.get(id))
          .filter((machine): machine is MdeMachine => machine !== undefined);
        const result = applyODataQuery(machines, req.query, MACHINE_ODATA_SPEC);
        return { status: 200, body: odataCollection(result, MACHINE_ODATA_SPEC) };
      },
    },
  ];
}
