import { notFound } from '../http/sim-error';
import type { RouteSpec } from '../http/sim-router';
import { alertFieldsSchema } from '../mde/alerts/alert-fields-schema';
import { bulkAlertsSchema, createAlertsInBulk } from '../mde/alerts/bulk-create-alerts';
import { createAlert } from '../mde/alerts/create-alert';
import type { SimContext } from '../sim-context';
import { parseBody } from './control-routes';

/**
 * The MDE control routes (contract.md): create one alert from any subset of its fields, create many
 * alerts at once, and read a machine with the simulator's own state (isolation, scans).
 */
export function mdeControlRoutes(ctx: SimContext): RouteSpec[] {
  const control = { auth: 'none', family: 'none' } as const;
  return [
    {
      ...control,
      method: 'POST',
      pattern: '/_sim/mde/alerts',
      handler: (req) => ({ status: 201, body: createAlert(ctx, parseBody(alertFieldsSchema, req)) }),
    },
    {
      ...control,
      method: 'POST',
      pattern: '/_sim/mde/alerts/bulk',
      handler: (req) => ({
        status: 201,
        body: { ids: createAlertsInBulk(ctx, parseBody(bulkAlertsSchema, req)) },
      }),
    },
    {
      ...control,
      method: 'GET',
      pattern: '/_sim/mde/machines/:id',
      handler: (req) => {
        const id = req.params.id ?? '';
        const machine = ctx.state.findMachine(id);
        if (!machine) throw notFound(`Machine ${id} was not found.`);
        const simState = ctx.state.machineState.get(machine.id);
        return {
          status: 200,
          body: { ...machine, isolated: false, isolationType: null, scans: [], ...simState },
        };
      },
    },
  ];
}
