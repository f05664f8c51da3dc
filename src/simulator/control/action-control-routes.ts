import type { RouteSpec } from '../http/sim-router';
import type { SimContext } from '../sim-context';

/**
 * `GET /_sim/mde/actions`: `{ "value": [...] }`, every machine action the simulator created (a refused
 * request is not one), oldest first, in MDE's MachineAction shape. The request hook has already settled
 * them to the current time.
 */
export function actionControlRoutes(ctx: SimContext): RouteSpec[] {
  return [
    {
      method: 'GET',
      pattern: '/_sim/mde/actions',
      auth: 'none',
      family: 'none',
      handler: () => ({ status: 200, body: { value: [...ctx.state.actions.values()] } }),
    },
  ];
}
