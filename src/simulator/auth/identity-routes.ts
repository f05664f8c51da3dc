import type { ClientRegistry } from './client-registry';
import { EntraError } from './entra-error';
import { openidConfiguration } from './openid-configuration';
import { handleTokenRequest } from './token-endpoint';
import type { TokenIssuer } from './token-issuer';

/** One request to the identity provider, already read. */
export interface IdentityRequest {
  readonly method: string;
  readonly path: string;
  readonly rawBody: string;
  readonly authorization: string | undefined;
  /** `https://host:port` as the client dialled it. */
  readonly origin: string;
  readonly nowMs: number;
  /** The caller's `client-request-id`, echoed as Entra's `correlation_id`. */
  readonly correlationId: string;
}

export interface IdentityReply {
  readonly status: number;
  readonly body: unknown;
}

export interface IdentityRoute {
  readonly method: 'GET' | 'POST';
  /** Matches the path; the first group is the tenant. */
  readonly pattern: RegExp;
  /** How `/_sim/stats` counts it, the tenant written `{id}`. */
  readonly template: string;
  readonly handle: (tenant: string, request: IdentityRequest) => IdentityReply;
}

export interface IdentityRouteDeps {
  readonly clients: ClientRegistry;
  readonly tokens: TokenIssuer;
}

const TENANT = '([^/]+)';

function tokenRoute(version: 'v1' | 'v2', deps: IdentityRouteDeps): IdentityRoute {
  const path = version === 'v2' ? 'oauth2/v2.0/token' : 'oauth2/token';
  return {
    method: 'POST',
    pattern: new RegExp(`^/${TENANT}/${path.replace(/\./g, '\\.')}/?$`, 'i'),
    template: `/{id}/${path}`,
    handle: (tenant, request) => {
      const form = new URLSearchParams(request.rawBody);
      const body = handleTokenRequest(
        {
          version,
          tenant,
          form,
          authorization: request.authorization,
          origin: request.origin,
          nowMs: request.nowMs,
        },
        deps,
      );
      return { status: 200, body };
    },
  };
}

/** The routes MSAL and other OAuth clients call: OpenID metadata, JWKS, and the v2 and v1 token endpoints. */
export function identityRoutes(deps: IdentityRouteDeps): IdentityRoute[] {
  const keys = (): IdentityReply => ({ status: 200, body: { keys: [deps.tokens.key.toJwk()] } });
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/${TENANT}/v2\\.0/\\.well-known/openid-configuration/?$`, 'i'),
      template: '/{id}/v2.0/.well-known/openid-configuration',
      handle: (tenant, request) => ({ status: 200, body: openidConfiguration(request.origin, tenant) }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/${TENANT}/discovery/v2\\.0/keys/?$`, 'i'),
      template: '/{id}/discovery/v2.0/keys',
      handle: keys,
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/${TENANT}/discovery/keys/?$`, 'i'),
      template: '/{id}/discovery/keys',
      handle: keys,
    },
    tokenRoute('v2', deps),
    tokenRoute('v1', deps),
  ];
}

function findRoute(routes: readonly IdentityRoute[], request: IdentityRequest) {
  let template: string | undefined;
  for (const route of routes) {
    const found = route.pattern.exec(request.path);
    if (!found) continue;
    template ??= route.template;
    if (route.method === request.method) return { route, template: route.template, tenant: found[1] ?? '' };
  }
  return { route: undefined, template, tenant: '' };
}

/**
 * Finds the route for a request and runs it. A refused request gets Entra's error body; a known path with
 * the wrong method gets AADSTS900561; an unknown path a 404. `template` is how `/_sim/stats` counts it.
 */
export function dispatchIdentityRequest(
  routes: readonly IdentityRoute[],
  request: IdentityRequest,
): { template: string; reply: IdentityReply } {
  const { route, template, tenant } = findRoute(routes, request);
  try {
    if (route) return { template, reply: route.handle(decodeURIComponent(tenant), request) };
    if (template !== undefined) {
      const expected = request.method === 'GET' ? 'POST' : 'GET';
      throw new EntraError(
        400,
        'invalid_request',
        900561,
        `The endpoint only accepts ${expected} requests. Received a ${request.method} request.`,
      );
    }
    const body = { error: 'not_found', error_description: `No route for ${request.path}.` };
    return { template: request.path, reply: { status: 404, body } };
  } catch (error) {
    if (!(error instanceof EntraError)) throw error;
    const body = error.toBody(request.nowMs, request.correlationId);
    return { template: template ?? request.path, reply: { status: error.status, body } };
  }
}
