import type { SimHandler } from '../../http/sim-router';
import { applyODataQuery, odataCollection } from '../../odata/apply-odata-query';
import type { SimContext } from '../../sim-context';
import { MACHINE_ACTION_ODATA_SPEC } from './machine-action-odata-spec';

/**
 * The handler of `GET /api/machineactions`: every action, newest first, through `$filter` (id, status,
 * machineId, type, requestor, creationDateTimeUtc), `$orderby`, `$skip` and `$top` (at most 10,000).
 */
export function listMachineActions(ctx: SimContext): SimHandler {
  return (req) => {
    // Newest first already, so actions created in the same millisecond keep that order too.
    const newestFirst = [...ctx.state.actions.values()].reverse();
    const result = applyODataQuery(newestFirst, req.query, MACHINE_ACTION_ODATA_SPEC, {
      linkBase: `${ctx.baseUrl}/api/machineactions`,
    });
    return { status: 200, body: odataCollection(result, MACHINE_ACTION_ODATA_SPEC) };
  };
}
