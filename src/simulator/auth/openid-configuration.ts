import { SIM_TENANT_ID } from './sim-credentials';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The directory a tenant segment of the URL stands for: a GUID is itself; `common`, `organizations` and
 * domain names (`contoso.onmicrosoft.com`) resolve to the simulator's one directory.
 */
export function resolveTenantId(tenant: string): string {
  return GUID.test(tenant) ? tenant.toLowerCase() : SIM_TENANT_ID;
}

/** The `issuer` of a tenant's v2.0 metadata, and the `iss` of the tokens issued for it. */
export function issuerFor(origin: string, tenant: string): string {
  return `${origin}/${resolveTenantId(tenant)}/v2.0`;
}

/**
 * The v2.0 OpenID Provider metadata (`/{tenant}/v2.0/.well-known/openid-configuration`) with Entra's
 * fields; MSAL reads `token_endpoint`, `issuer`, `authorization_endpoint` and `jwks_uri`.
 */
export function openidConfiguration(origin: string, tenant: string): Record<string, unknown> {
  const base = `${origin}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: issuerFor(origin, tenant),
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'ver', 'roles'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}
