import type { SimClientRegistration } from './auth/client-registry';
import { IdentityProvider } from './auth/identity-provider';
import { DEMO_MCAS_TOKEN } from './auth/sim-credentials';
import { TokenIssuer } from './auth/token-issuer';
import { actionControlRoutes } from './control/action-control-routes';
import { controlRoutes } from './control/control-routes';
import { mcasControlRoutes } from './control/mcas-control-routes';
import { mdeControlRoutes } from './control/mde-control-routes';
import { buildEstate } from './estate/build-estate';
import { SimServer } from './http/sim-server';
import { huntingRoutes } from './hunting/hunting-routes';
import { mcasRoutes } from './mcas/mcas-routes';
import { machineActionRoutes } from './mde/actions/machine-action-routes';
import { settleActions } from './mde/actions/settle-actions';
import { alertRoutes } from './mde/alerts/alert-routes';
import { machineRoutes } from './mde/machines/machine-routes';
import { startAlertRaiser } from './mde/raise-alerts';
import { userRoutes } from './mde/users/user-routes';
import { type SimContext, type SimLogger, silentLogger, type WebhookTarget } from './sim-context';
import { DEFAULT_SETTINGS, type SimSettings, SimState } from './state/sim-state';

export interface SimulatorOptions {
  /** HTTP port of the MDE, MCAS and control routes; 0 picks a free one. Default 3979. */
  readonly port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** Clock in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  /** Raise a new MDE alert every this many seconds; 0 = never. Default 0 here (the CLI defaults to 45). */
  readonly alertEveryS?: number;
  readonly settings?: Partial<SimSettings>;
  /** Where new MCAS alerts are pushed. */
  readonly webhook?: WebhookTarget;
  /** API tokens the MCAS routes accept. Default: the demo token. */
  readonly mcasTokens?: readonly string[];
  readonly log?: SimLogger;
  /** HTTPS port of the identity provider. Default `port + 1`; a free port when `port` is 0. */
  readonly authPort?: number;
  /** Applications the identity provider accepts besides `vigil-demo` (secret and/or certificate). */
  readonly clients?: readonly SimClientRegistration[];
}

export interface RunningSimulator {
  /** `http://host:port` of the MDE, MCAS and control routes. */
  readonly url: string;
  readonly port: number;
  readonly ctx: SimContext;
  /** The HTTP pipeline, for tests that add a route of their own. */
  readonly server: SimServer;
  /** `https://host:authPort` of the identity provider; an MSAL authority is this plus `/<tenant>`. */
  readonly authUrl: string;
  readonly authPort: number;
  /** PEM of the identity provider's self-signed certificate: what a client trusts as its CA. */
  readonly caCertPem: string;
  stop(): Promise<void>;
}

/** Starts the Defender simulator: MDE routes under `/api`, MCAS under `/mcas/api/v1`, control under `/_sim`. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  const settings: SimSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const state = new SimState(() => buildEstate(now()), settings);
  const ctx: SimContext = {
    state,
    now,
    tokens: new TokenIssuer(now),
    mcasTokens: options.mcasTokens ?? [DEMO_MCAS_TOKEN],
    log: options.log ?? silentLogger,
    webhook: options.webhook,
    baseUrl: '',
  };
  const server = new SimServer(ctx);
  server.router.add(...controlRoutes(ctx, () => server.limiter.clear()));
  // Feature routes, one line each (MDE alerts and machines, machine actions, hunting, MCAS):
  server.router.add(...alertRoutes(ctx), ...machineRoutes(ctx), ...userRoutes(ctx));
  server.router.add(...mdeControlRoutes(ctx));
  server.router.add(...machineActionRoutes(ctx));
  server.router.add(...actionControlRoutes(ctx));
  server.router.add(...huntingRoutes(ctx));
  server.onRequest((nowMs) => settleActions(ctx.state, nowMs));
  const identity = new IdentityProvider(ctx, { clients: options.clients ?? [] });
  server.router.add(...mcasRoutes(ctx), ...mcasControlRoutes(ctx, identity));

  const port = await server.listen(options.port ?? 3979, host);
  ctx.baseUrl = `http://${host}:${port}`;
  const stoppers: Array<() => Promise<void> | void> = [() => server.close()];
  // Background work started after listening (alert raiser, identity provider), each pushing its stopper:
  stoppers.push(startAlertRaiser(ctx, options.alertEveryS ?? 0));
  const authPort = options.authPort ?? ((options.port ?? 3979) === 0 ? 0 : (options.port ?? 3979) + 1);
  await identity.start(authPort, host).catch(async (error: unknown) => {
    for (const stop of [...stoppers].reverse()) await stop();
    throw error;
  });
  stoppers.push(() => identity.stop());

  return {
    url: ctx.baseUrl,
    port,
    ctx,
    server,
    authUrl: identity.url,
    authPort: identity.port,
    caCertPem: identity.caCertPem ?? '',
    async stop() {
      for (const stop of stoppers.reverse()) await stop();
    },
  };
}
