import type { RateFamily } from './rate-family';

/**
 * When a failed call may be sent again:
 * - `safe`: reading, or a change that is the same however often it is made: repeat on 429, 5xx,
 *   timeouts and broken connections.
 * - `if-not-acted`: a call that creates something (a machine action) or appends (a comment): repeat
 *   only when Defender certainly did not act on it, that is after a 429 (refused before any work) or a
 *   connection that was never opened. A timeout, a reset or a 5xx may come after Defender acted.
 */
export type RetryMode = 'safe' | 'if-not-acted';

/** One Defender route: what it costs, who may call it, and how it may be repeated. */
export interface DefenderRoute {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** The path with `{name}` placeholders, e.g. `/api/machines/{id}/isolate`. */
  readonly template: string;
  readonly family: RateFamily;
  readonly retry: RetryMode;
  /** What the route is about, for "Defender could not find that …" messages. */
  readonly subject: string;
}

/** `METHOD template`, the key of a route in logs, error details and the permission table. */
export function routeKey(route: DefenderRoute): string {
  return `${route.method} ${route.template}`;
}

/** Fills a route's placeholders, each value URL-encoded. */
export function routePath(route: DefenderRoute, params: Readonly<Record<string, string>> = {}): string {
  return route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`Missing route parameter ${name} for ${route.template}`);
    return encodeURIComponent(value);
  });
}
