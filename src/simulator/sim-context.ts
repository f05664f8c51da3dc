import type { TokenIssuer } from './auth/token-issuer';
import type { SimState } from './state/sim-state';

/** Where a new MCAS alert is pushed, as "Send alerts to Flow" would. */
export interface WebhookTarget {
  readonly url: string;
  /** Sent as the HMAC-SHA256 key of the body, or as a bearer token (contract.md, design.md). */
  readonly secret?: string;
}

/** Logs what the simulator does; quiet in tests. */
export interface SimLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** What every feature module of the simulator is built from. */
export interface SimContext {
  readonly state: SimState;
  /** Milliseconds since the epoch; injected so tests can move time. */
  readonly now: () => number;
  readonly tokens: TokenIssuer;
  /** API tokens the MCAS routes accept (`Authorization: Token <t>`). */
  readonly mcasTokens: readonly string[];
  readonly log: SimLogger;
  /** Settable at run time (demo mode points it at the bot once the bot listens). */
  webhook: WebhookTarget | undefined;
  /** Base URL of the simulator's HTTP server once it listens (for links it writes). */
  baseUrl: string;
}

export const silentLogger: SimLogger = { info: () => undefined, warn: () => undefined };
