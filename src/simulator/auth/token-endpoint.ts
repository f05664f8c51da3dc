import { JWT_BEARER_ASSERTION, verifyClientAssertion } from './client-assertion';
import { type ClientRegistry, type RegisteredClient, secretsMatch } from './client-registry';
import { EntraError, missingParameter } from './entra-error';
import { issuerFor, resolveTenantId } from './openid-configuration';
import { ALL_MDE_ROLES, MCAS_AUDIENCES, MCAS_ROLES, MDE_AUDIENCES } from './sim-credentials';
import type { TokenIssuer } from './token-issuer';

/** A form post to `/{tenant}/oauth2/v2.0/token` (v2, `scope=`) or `/{tenant}/oauth2/token` (v1, `resource=`). */
export interface TokenRequest {
  readonly version: 'v1' | 'v2';
  readonly tenant: string;
  readonly form: URLSearchParams;
  /** The `Authorization` header, for `client_secret_basic`. */
  readonly authorization: string | undefined;
  /** `https://127.0.0.1:<port>`: the origin a client assertion's `aud` must point at. */
  readonly origin: string;
  readonly nowMs: number;
}

export interface TokenEndpointDeps {
  readonly clients: ClientRegistry;
  readonly tokens: TokenIssuer;
}

const KNOWN_RESOURCES: readonly string[] = [...MDE_AUDIENCES, ...MCAS_AUDIENCES];
const MCAS_ROLE_SET = new Set<string>(MCAS_ROLES);
const MDE_ROLE_SET = new Set<string>(ALL_MDE_ROLES);

/** The client id and secret from the form, or from an HTTP Basic header when the form has none. */
function clientCredentials(request: TokenRequest): { clientId?: string; secret?: string } {
  const clientId = request.form.get('client_id') ?? undefined;
  const secret = request.form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+(.+)$/i.exec(request.authorization ?? '');
  if (!basic?.[1]) return { clientId, secret };
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { clientId, secret };
  return {
    clientId: clientId ?? decodeURIComponent(decoded.slice(0, colon)),
    secret: secret ?? decodeURIComponent(decoded.slice(colon + 1)),
  };
}

/** The resource a request asks for: v2 `scope=<resource>/.default`, v1 `resource=<resource>`. */
function requestedResource(request: TokenRequest): string {
  const raw = request.form.get(request.version === 'v2' ? 'scope' : 'resource');
  if (raw === null || raw.trim() === '') {
    throw missingParameter(request.version === 'v2' ? 'scope' : 'resource');
  }
  if (request.version === 'v1') return raw.trim();
  const scopes = raw.trim().split(/\s+/);
  const scope = scopes[0] ?? '';
  if (scopes.length !== 1 || !scope.endsWith('/.default')) {
    throw new EntraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${raw} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  return scope.slice(0, -'/.default'.length);
}

/** The canonical audience for a requested resource, or `invalid_resource` (AADSTS500011). */
function audienceFor(resource: string, tenant: string): string {
  const wanted = resource.replace(/\/+$/, '').toLowerCase();
  const audience = KNOWN_RESOURCES.find((known) => known.toLowerCase() === wanted);
  if (audience) return audience;
  throw new EntraError(
    400,
    'invalid_resource',
    500011,
    `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  );
}

/**
 * The client's roles that belong on a token for this audience: an MDE token leaves out the Cloud Apps roles
 * and a Cloud Apps token the MDE roles; roles the simulator does not know go on both.
 */
export function rolesForAudience(roles: readonly string[], audience: string): string[] {
  const forMcas = (MCAS_AUDIENCES as readonly string[]).includes(audience);
  return roles.filter((role) => (forMcas ? !MDE_ROLE_SET.has(role) : !MCAS_ROLE_SET.has(role)));
}

function findClient(deps: TokenEndpointDeps, clientId: string, tenant: string): RegisteredClient {
  const client = deps.clients.find(clientId);
  if (client) return client;
  throw new EntraError(
    400,
    'unauthorized_client',
    700016,
    `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  );
}

/** Checks the client's credential: a certificate assertion or a secret, as Entra would. */
function authenticateClient(
  request: TokenRequest,
  client: RegisteredClient,
  secret: string | undefined,
): void {
  const assertion = request.form.get('client_assertion');
  if (assertion !== null) {
    if (request.form.get('client_assertion_type') !== JWT_BEARER_ASSERTION) {
      throw new EntraError(
        400,
        'invalid_request',
        9002313,
        'Invalid request. Request is malformed or invalid.',
      );
    }
    const audienceOk = (aud: string) => aud.startsWith(`${request.origin}/`);
    verifyClientAssertion(assertion, client, audienceOk, Math.floor(request.nowMs / 1000));
    return;
  }
  if (secret === undefined) {
    throw new EntraError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  if (client.secret === undefined || !secretsMatch(secret, client.secret)) {
    throw new EntraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${client.clientId}'.`,
    );
  }
}

/**
 * Answers a client-credentials token request as Entra ID does: the access token's `aud` is the requested
 * resource, `roles` the client's roles for it, `iss` the tenant's metadata issuer. Throws `EntraError`.
 */
export function handleTokenRequest(request: TokenRequest, deps: TokenEndpointDeps): Record<string, unknown> {
  const grantType = request.form.get('grant_type');
  if (grantType === null || grantType === '') throw missingParameter('grant_type');
  const { clientId, secret } = clientCredentials(request);
  if (clientId === undefined || clientId === '') throw missingParameter('client_id');
  if (grantType !== 'client_credentials') {
    throw new EntraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'. The simulator supports client_credentials only.`,
    );
  }
  const resource = requestedResource(request);
  const client = findClient(deps, clientId, request.tenant);
  const audience = audienceFor(resource, request.tenant);
  authenticateClient(request, client, secret);
  const { token, expiresIn } = deps.tokens.issue({
    appId: client.clientId,
    roles: rolesForAudience(client.roles, audience),
    audience,
    tenantId: resolveTenantId(request.tenant),
    issuer: issuerFor(request.origin, request.tenant),
  });
  if (request.version === 'v2') {
    return { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token };
  }
  const nowS = Math.floor(request.nowMs / 1000);
  return {
    token_type: 'Bearer',
    expires_in: String(expiresIn),
    ext_expires_in: String(expiresIn),
    expires_on: String(nowS + expiresIn),
    not_before: String(nowS),
    resource,
    access_token: token,
  };
}
