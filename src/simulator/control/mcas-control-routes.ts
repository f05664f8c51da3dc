import { SimHttpError } from '../http/sim-error';
import type { RouteSpec } from '../http/sim-router';
import { buildMcasAlert } from '../mcas/build-mcas-alert';
import { mcasAlertSeedSchema } from '../mcas/mcas-alert-seed-schema';
import { pushToWebhook } from '../mcas/push-to-webhook';
import type { SimContext } from '../sim-context';
import { parseBody } from './control-routes';

/** What the TLS route needs from the identity provider: its certificate once it listens. */
export interface CertificateSource {
  readonly caCertPem: string | undefined;
}

function firstUserName(ctx: SimContext): string | undefined {
  for (const entry of ctx.state.users.values()) return entry.user.accountName;
  return undefined;
}

/**
 * `POST /_sim/mcas/alerts` (create an MCAS alert and push it to the webhook, as "Send alerts to Power
 * Automate" would) and `GET /_sim/tls/cert` (the identity provider's certificate, PEM, for a client to
 * trust as its CA).
 */
export function mcasControlRoutes(ctx: SimContext, identity: CertificateSource): RouteSpec[] {
  return [
    {
      method: 'POST',
      pattern: '/_sim/mcas/alerts',
      auth: 'none',
      family: 'none',
      handler: (req) => {
        const seed = parseBody(mcasAlertSeedSchema, req);
        if (seed._id !== undefined && ctx.state.mcasAlerts.has(seed._id)) {
          throw new SimHttpError(409, 'Conflict', `An MCAS alert with _id ${seed._id} already exists.`);
        }
        const alert = buildMcasAlert(seed, ctx.now(), firstUserName(ctx));
        ctx.state.mcasAlerts.set(alert._id, alert);
        ctx.log.info('MCAS alert created', { alertId: alert._id, title: alert.title });
        void pushToWebhook(ctx, structuredClone(alert));
        return { status: 201, body: alert };
      },
    },
    {
      method: 'GET',
      pattern: '/_sim/tls/cert',
      auth: 'none',
      family: 'none',
      handler: () => {
        const pem = identity.caCertPem;
        if (pem === undefined) {
          throw new SimHttpError(503, 'ServiceUnavailable', 'The identity provider is not listening yet.');
        }
        return { status: 200, text: pem, headers: { 'content-type': 'application/x-pem-file' } };
      },
    },
  ];
}
