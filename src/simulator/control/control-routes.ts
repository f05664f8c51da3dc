import { z } from 'zod';
import { ALL_MDE_ROLES, DEMO_CLIENT_ID } from '../auth/sim-credentials';
import { badRequest } from '../http/sim-error';
import type { RouteSpec, SimRequest } from '../http/sim-router';
import type { SimContext } from '../sim-context';

/** Parses a control-route body with a schema; a bad body is a 400 naming every problem. */
export function parseBody<T>(schema: z.ZodType<T>, req: SimRequest): T {
  const result = schema.safeParse(req.body ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
    );
    throw badRequest('InvalidRequestBody', problems.join('; '));
  }
  return result.data;
}

const faultSchema = z
  .object({
    method: z.string().min(1).optional(),
    path: z.string().startsWith('/'),
    status: z.number().int().min(100).max(599).optional(),
    retryAfter: z.number().min(0).optional(),
    latencyMs: z.number().int().min(0).max(600_000).default(0),
    times: z.number().int().min(1).optional(),
    probability: z.number().min(0).max(1).default(1),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.latencyMs > 0, {
    message: 'give a status, a latencyMs, or both',
  });

const configSchema = z
  .object({
    actionDelayMs: z.number().int().min(0).max(3_600_000).optional(),
    actionOutcome: z.enum(['Succeeded', 'Failed', 'TimeOut']).optional(),
    rateTimeScale: z.number().positive().max(100).optional(),
  })
  .strict();

/** The control routes that are not tied to one feature: reset, faults, stats, config, token. */
export function controlRoutes(ctx: SimContext, onReset: () => void): RouteSpec[] {
  return [
    {
      method: 'POST',
      pattern: '/_sim/reset',
      auth: 'none',
      family: 'none',
      handler: () => {
        ctx.state.reset();
        onReset();
        return { status: 200, body: { reset: true } };
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/faults',
      auth: 'none',
      family: 'none',
      handler: (req) => {
        const body = parseBody(faultSchema, req);
        const fault = {
          path: body.path,
          latencyMs: body.latencyMs,
          probability: body.probability,
          remaining: body.times ?? 1,
          ...(body.method === undefined ? {} : { method: body.method.toUpperCase() }),
          ...(body.status === undefined ? {} : { status: body.status }),
          ...(body.retryAfter === undefined ? {} : { retryAfter: body.retryAfter }),
        };
        ctx.state.faults.push(fault);
        return { status: 201, body: { ...fault, times: fault.remaining } };
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sim/faults',
      auth: 'none',
      family: 'none',
      handler: () => {
        ctx.state.faults = [];
        return { status: 200, body: { cleared: true } };
      },
    },
    {
      method: 'GET',
      pattern: '/_sim/stats',
      auth: 'none',
      family: 'none',
      handler: () => ({ status: 200, body: { requests: Object.fromEntries(ctx.state.stats) } }),
    },
    {
      method: 'POST',
      pattern: '/_sim/config',
      auth: 'none',
      family: 'none',
      handler: (req) => {
        const body = parseBody(configSchema, req);
        ctx.state.settings = {
          actionDelayMs: body.actionDelayMs ?? ctx.state.settings.actionDelayMs,
          actionOutcome: body.actionOutcome ?? ctx.state.settings.actionOutcome,
          rateTimeScale: body.rateTimeScale ?? ctx.state.settings.rateTimeScale,
        };
        return { status: 200, body: ctx.state.settings };
      },
    },
    {
      method: 'GET',
      pattern: '/_sim/token',
      auth: 'none',
      family: 'none',
      handler: (req) => {
        const asked = req.query.get('roles');
        const roles =
          asked === null
            ? [...ALL_MDE_ROLES]
            : asked
                .split(',')
                .map((r) => r.trim())
                .filter((r) => r !== '');
        const { token, expiresIn } = ctx.tokens.issue({ appId: DEMO_CLIENT_ID, roles });
        return {
          status: 200,
          body: { access_token: token, token_type: 'Bearer', expires_in: expiresIn, roles },
        };
      },
    },
  ];
}
