import { DEMO_MCAS_TOKEN } from './auth/sim-credentials';
import { TokenIssuer } from './auth/token-issuer';
import { controlRoutes } from './control/control-routes';
import { buildEstate } from './estate/build-estate';
import { SimServer } from './http/sim-server';
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
}

export interface RunningSimulator {
  /** `http://host:port` of the MDE, MCAS and control routes. */
  readonly url: string;
  readonly port: number;
  readonly ctx: SimContext;
  /** The HTTP pipeline, for tests that add a route of their own. */
  readonly server: SimServer;
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


  const port = await server.listen(options.port ?? 3979, host);
  ctx.baseUrl = `http://${host}:${port}`;
  const stoppers: Array<() => Promise<void> | void> = [() => server.close()];
  // Background work started after listening (alert raiser, identity provider), each pushing its stopper:


  return {
    url: ctx.baseUrl,
    port,
    ctx,
    server,
    async stop() {
      for (const stop of stoppers.reverse()) await stop();
    },
  };
}
