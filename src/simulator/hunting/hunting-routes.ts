import { badRequest } from '../http/sim-error';
import type { RouteSpec } from '../http/sim-router';
import type { SimContext } from '../sim-context';
import { HuntingDataset } from './hunting-dataset';
import { huntingResponse } from './hunting-response';
import { KqlError } from './kql-error';
import { MAX_RESULT_ROWS, runKql } from './kql-evaluator';

export interface HuntingRouteOptions {
  /** Results larger than this are refused (MDE: 100,000 rows); smaller in tests. */
  readonly maxRows?: number;
}

const USAGE = 'Send {"Query": "<KQL>"}, e.g. {"Query": "DeviceProcessEvents | take 10"}.';

/** The `Query` of the body; body parameter names are case-sensitive, as in MDE. */
export function readQuery(body: unknown): string {
  if (body === undefined || body === null) {
    throw badRequest('MissingRequiredParameter', `The request body is empty. ${USAGE}`);
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('InvalidRequestBody', `The request body must be a JSON object. ${USAGE}`);
  }
  if (!Object.hasOwn(body, 'Query')) {
    const miscased = Object.keys(body).find((key) => key.toLowerCase() === 'query');
    const found =
      miscased === undefined ? '' : ` Found '${miscased}': body parameter names are case-sensitive.`;
    throw badRequest(
      'MissingRequiredParameter',
      `The required parameter 'Query' is missing.${found} ${USAGE}`,
    );
  }
  const query = (body as { Query: unknown }).Query;
  if (typeof query !== 'string') {
    throw badRequest('InvalidRequestBody', `The parameter 'Query' must be a string. ${USAGE}`);
  }
  return query;
}

/** `POST /api/advancedqueries/run`: runs a KQL query over the simulator's hunting tables. */
export function huntingRoutes(ctx: SimContext, options: HuntingRouteOptions = {}): RouteSpec[] {
  const dataset = new HuntingDataset(ctx);
  const maxRows = options.maxRows ?? MAX_RESULT_ROWS;
  return [
    {
      method: 'POST',
      pattern: '/api/advancedqueries/run',
      auth: 'mde',
      roles: ['AdvancedQuery.Read.All'],
      family: 'hunting',
      handler: (req) => {
        const query = readQuery(req.body);
        const started = performance.now();
        const now = ctx.now();
        try {
          const result = runKql(query, dataset.at(now), { now, maxRows });
          return { status: 200, body: huntingResponse(result, performance.now() - started) };
        } catch (error) {
          if (error instanceof KqlError) throw badRequest('BadRequest', error.message);
          throw error;
        }
      },
    },
  ];
}
