import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { createServer } from 'node:net';
import {
  ALL_MDE_ROLES,
  MCAS_AUDIENCES,
  MDE_AUDIENCES,
  SIM_TENANT_ID,
} from '../../../src/simulator/auth/sim-credentials';
import { startSimulator } from '../../../src/simulator/simulator';
import { TestSimulator } from '../../helpers/sim-client';
import { type ClientCertificate, createClientCertificate, signAssertion } from './helpers/client-certificate';
import { decodeJwt, type HttpsResult, httpsCall } from './helpers/https-call';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const DEMO = {
  client_id: 'vigil-demo',
  client_secret: 'vigil-demo-secret',
  grant_type: 'client_credentials',
};
const MDE_SCOPE = 'https://api.securitycenter.microsoft.com/.default';

interface TokenBody {
  token_type: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
}

interface ErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
}

describe('simulator identity provider', () => {
  let sim: TestSimulator;
  let cert: ClientCertificate;
  let otherCert: ClientCertificate;

  before(async () => {
    cert = await createClientCertificate('cert-app');
    otherCert = await createClientCertificate('not-registered');
    sim = await TestSimulator.start({
      clients: [
        { clientId: 'reader-app', secret: 'reader-secret', roles: ['Alert.Read.All'] },
        {
          clientId: 'cert-app',
          certificatePem: cert.certPem,
          roles: ['Machine.Isolate', 'Investigation.read'],
        },
      ],
    });
  });
  after(() => sim.stop());

  const ca = () => sim.sim.caCertPem;
  const tokenUrl = (tenant = TENANT, version: 'v1' | 'v2' = 'v2') =>
    `${sim.sim.authUrl}/${tenant}/oauth2/${version === 'v2' ? 'v2.0/' : ''}token`;
  const postToken = <T = TokenBody>(
    form: Record<string, string>,
    options: { tenant?: string; headers?: Record<string, string> } = {},
  ) => httpsCall<T>(tokenUrl(options.tenant), { form, ca: ca(), headers: options.headers ?? {} });

  function assertEntraError(result: HttpsResult<ErrorBody>, status: number, error: string, code: number) {
    assert.equal(result.status, status, result.text);
    assert.equal(result.body.error, error);
    assert.deepEqual(result.body.error_codes, [code]);
    assert.match(result.body.error_description, new RegExp(`^AADSTS${code}: `));
    assert.match(result.body.timestamp, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    assert.match(result.body.trace_id, /^[0-9a-f-]{36}$/);
  }

  describe('TLS', () => {
    it('should serve HTTPS with a certificate for 127.0.0.1 and localhost', () => {
      assert.match(sim.sim.authUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
      const x509 = new X509Certificate(sim.sim.caCertPem);
      assert.match(x509.subjectAltName ?? '', /IP Address:127\.0\.0\.1/);
      assert.match(x509.subjectAltName ?? '', /DNS:localhost/);
    });

    it('should be refused by a client that does not trust the certificate', async () => {
      await assert.rejects(
        httpsCall(`${sim.sim.authUrl}/common/v2.0/.well-known/openid-configuration`),
        /self[- ]signed|unable to verify|certificate/i,
      );
    });

    it('should give the same certificate on GET /_sim/tls/cert', async () => {
      const result = await sim.call('GET', '/_sim/tls/cert');
      assert.equal(result.status, 200);
      assert.match(result.headers.get('content-type') ?? '', /x-pem-file/);
      assert.equal(result.text, sim.sim.caCertPem);
    });

    it('should listen on a port of its own, next to the HTTP port by default', async () => {
      assert.notEqual(sim.sim.authPort, 0);
      assert.notEqual(sim.sim.authPort, sim.sim.port);
      const port = await freePort();
      const other = await startSimulator({ port });
      try {
        assert.equal(other.authPort, port + 1);
        assert.equal(other.authUrl, `https://127.0.0.1:${port + 1}`);
      } finally {
        await other.stop();
      }
    });
  });

  describe('OpenID metadata and keys', () => {
    for (const tenant of [TENANT, 'common', 'contoso.onmicrosoft.com']) {
      it(`should publish the v2.0 metadata MSAL reads for tenant ${tenant}`, async () => {
        const url = `${sim.sim.authUrl}/${tenant}/v2.0/.well-known/openid-configuration`;
        const result = await httpsCall<Record<string, unknown>>(url, { ca: ca() });
        assert.equal(result.status, 200);
        assert.equal(result.body.token_endpoint, `${sim.sim.authUrl}/${tenant}/oauth2/v2.0/token`);
        assert.equal(
          result.body.authorization_endpoint,
          `${sim.sim.authUrl}/${tenant}/oauth2/v2.0/authorize`,
        );
        assert.equal(result.body.jwks_uri, `${sim.sim.authUrl}/${tenant}/discovery/v2.0/keys`);
        const expectedTenant = tenant === TENANT ? TENANT : SIM_TENANT_ID;
        assert.equal(result.body.issuer, `${sim.sim.authUrl}/${expectedTenant}/v2.0`);
        assert.ok(Array.isArray(result.body.response_types_supported));
      });
    }

    it('should publish the signing key whose kid the access tokens carry', async () => {
      const keys = await httpsCall<{ keys: Array<Record<string, string>> }>(
        `${sim.sim.authUrl}/${TENANT}/discovery/v2.0/keys`,
        { ca: ca() },
      );
      const token = (await postToken({ ...DEMO, scope: MDE_SCOPE })).body.access_token;
      const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
      assert.equal(keys.body.keys[0]?.kid, header.kid);
      assert.equal(keys.body.keys[0]?.kty, 'RSA');
      assert.equal(header.alg, 'RS256');
    });

    it('should answer an unknown path with 404', async () => {
      const result = await httpsCall(`${sim.sim.authUrl}/${TENANT}/nothing/here`, { ca: ca() });
      assert.equal(result.status, 404);
    });
  });

  describe('client credentials with a secret', () => {
    for (const audience of MDE_AUDIENCES) {
      it(`should issue an MDE token for ${audience}/.default`, async () => {
        const result = await postToken({ ...DEMO, scope: `${audience}/.default` });
        assert.equal(result.status, 200, result.text);
        assert.deepEqual(Object.keys(result.body).sort(), [
          'access_token',
          'expires_in',
          'ext_expires_in',
          'token_type',
        ]);
        assert.equal(result.body.token_type, 'Bearer');
        assert.equal(result.body.expires_in, 3599);
        assert.equal(result.body.ext_expires_in, 3599);
        const claims = decodeJwt(result.body.access_token);
        assert.equal(claims.aud, audience);
        assert.equal(claims.appid, 'vigil-demo');
        assert.equal(claims.tid, TENANT);
        assert.equal(claims.iss, `${sim.sim.authUrl}/${TENANT}/v2.0`);
        assert.deepEqual(claims.roles, [...ALL_MDE_ROLES]);
        assert.equal(sim.sim.ctx.tokens.verifyMde(result.body.access_token).ok, true);
      });
    }

    it('should issue a Cloud Apps token carrying only the Cloud Apps roles', async () => {
      const result = await postToken({ ...DEMO, scope: `${MCAS_AUDIENCES[0]}/.default` });
      assert.equal(result.status, 200, result.text);
      const claims = decodeJwt(result.body.access_token);
      assert.equal(claims.aud, MCAS_AUDIENCES[0]);
      assert.deepEqual(claims.roles, ['Investigation.read', 'Investigation.manage']);
      assert.equal(sim.sim.ctx.tokens.verifyMcas(result.body.access_token).ok, true);
      assert.equal(sim.sim.ctx.tokens.verifyMde(result.body.access_token).ok, false);
    });

    it('should put exactly a registered client’s roles on its token', async () => {
      const result = await postToken({
        ...DEMO,
        client_id: 'reader-app',
        client_secret: 'reader-secret',
        scope: MDE_SCOPE,
      });
      assert.equal(result.status, 200, result.text);
      const claims = decodeJwt(result.body.access_token);
      assert.deepEqual(claims.roles, ['Alert.Read.All']);
      assert.equal(claims.appid, 'reader-app');
    });

    it('should accept tenant "common" and name the simulator tenant in tid and iss', async () => {
      const result = await postToken({ ...DEMO, scope: MDE_SCOPE }, { tenant: 'common' });
      assert.equal(result.status, 200, result.text);
      const claims = decodeJwt(result.body.access_token);
      assert.equal(claims.tid, SIM_TENANT_ID);
      assert.equal(claims.iss, `${sim.sim.authUrl}/${SIM_TENANT_ID}/v2.0`);
    });

    it('should accept the secret in an HTTP Basic header (client_secret_basic)', async () => {
      const basic = Buffer.from('vigil-demo:vigil-demo-secret').toString('base64');
      const result = await postToken(
        { grant_type: 'client_credentials', scope: MDE_SCOPE },
        { headers: { authorization: `Basic ${basic}` } },
      );
      assert.equal(result.status, 200, result.text);
    });

    it('should serve the v1 endpoint with resource=', async () => {
      const result = await httpsCall<Record<string, string>>(tokenUrl(TENANT, 'v1'), {
        form: { ...DEMO, resource: 'https://api.securitycenter.microsoft.com' },
        ca: ca(),
      });
      assert.equal(result.status, 200, result.text);
      assert.equal(result.body.expires_in, '3599');
      assert.equal(result.body.resource, 'https://api.securitycenter.microsoft.com');
      assert.equal(decodeJwt(result.body.access_token ?? '').aud, 'https://api.securitycenter.microsoft.com');
    });

    it('should count token requests in /_sim/stats', async () => {
      const before = await sim.call<{ requests: Record<string, number> }>('GET', '/_sim/stats');
      await postToken({ ...DEMO, scope: MDE_SCOPE });
      const after = await sim.call<{ requests: Record<string, number> }>('GET', '/_sim/stats');
      const key = 'POST /{id}/oauth2/v2.0/token';
      assert.equal((after.body.requests[key] ?? 0) - (before.body.requests[key] ?? 0), 1);
    });

    it('should make /_sim/token tokens carry the provider’s issuer', async () => {
      const claims = decodeJwt(await sim.token());
      assert.equal(claims.iss, `${sim.sim.authUrl}/${SIM_TENANT_ID}/v2.0`);
    });
  });

  describe('refusals, as Entra words them', () => {
    it('should answer a wrong secret with 401 invalid_client AADSTS7000215', async () => {
      const result = await postToken<ErrorBody>(
        { ...DEMO, client_secret: 'wrong', scope: MDE_SCOPE },
        { headers: { 'client-request-id': '11111111-2222-3333-4444-555555555555' } },
      );
      assertEntraError(result, 401, 'invalid_client', 7000215);
      assert.match(result.body.error_description, /Invalid client secret provided/);
      assert.equal(result.body.correlation_id, '11111111-2222-3333-4444-555555555555');
    });

    it('should answer a client that has no secret with 401 invalid_client', async () => {
      const result = await postToken<ErrorBody>({ ...DEMO, client_id: 'cert-app', scope: MDE_SCOPE });
      assertEntraError(result, 401, 'invalid_client', 7000215);
    });

    it('should answer a missing credential with 401 invalid_client AADSTS7000218', async () => {
      const result = await postToken<ErrorBody>({
        grant_type: 'client_credentials',
        client_id: 'vigil-demo',
        scope: MDE_SCOPE,
      });
      assertEntraError(result, 401, 'invalid_client', 7000218);
    });

    it('should answer an unknown client id with 400 unauthorized_client AADSTS700016', async () => {
      const result = await postToken<ErrorBody>({ ...DEMO, client_id: 'nobody', scope: MDE_SCOPE });
      assertEntraError(result, 400, 'unauthorized_client', 700016);
    });

    it('should answer another grant type with 400 unsupported_grant_type', async () => {
      const result = await postToken<ErrorBody>({ ...DEMO, grant_type: 'password', scope: MDE_SCOPE });
      assertEntraError(result, 400, 'unsupported_grant_type', 70003);
    });

    it('should answer a scope without /.default with 400 invalid_scope', async () => {
      const result = await postToken<ErrorBody>({
        ...DEMO,
        scope: 'https://api.securitycenter.microsoft.com/Alert.Read',
      });
      assertEntraError(result, 400, 'invalid_scope', 1002012);
    });

    it('should answer an unknown resource with 400 invalid_resource AADSTS500011', async () => {
      const result = await postToken<ErrorBody>({ ...DEMO, scope: 'https://graph.example.com/.default' });
      assertEntraError(result, 400, 'invalid_resource', 500011);
    });

    it('should name a missing parameter (AADSTS900144)', async () => {
      const noGrant = await postToken<ErrorBody>({
        client_id: 'vigil-demo',
        client_secret: 'x',
        scope: MDE_SCOPE,
      });
      assertEntraError(noGrant, 400, 'invalid_request', 900144);
      assert.match(noGrant.body.error_description, /'grant_type'/);
      const noScope = await postToken<ErrorBody>({ ...DEMO });
      assert.match(noScope.body.error_description, /'scope'/);
    });

    it('should refuse GET on the token endpoint (AADSTS900561)', async () => {
      const result = await httpsCall<ErrorBody>(tokenUrl(), { ca: ca() });
      assertEntraError(result, 400, 'invalid_request', 900561);
    });
  });

  describe('client credentials with a certificate', () => {
    const assertionForm = (assertion: string, clientId = 'cert-app') => ({
      grant_type: 'client_credentials',
      client_id: clientId,
      scope: MDE_SCOPE,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });

    for (const alg of ['PS256', 'RS256'] as const) {
      it(`should accept an assertion signed ${alg} with the registered certificate`, async () => {
        const assertion = signAssertion(cert, 'cert-app', tokenUrl(), { alg });
        const result = await postToken(assertionForm(assertion));
        assert.equal(result.status, 200, result.text);
        const claims = decodeJwt(result.body.access_token);
        assert.equal(claims.appid, 'cert-app');
        assert.deepEqual(claims.roles, ['Machine.Isolate']);
      });
    }

    it('should accept an assertion that names its certificate by x5c only', async () => {
      const x5c = cert.certPem.replace(/-----[A-Z ]+-----|\s/g, '');
      const assertion = signAssertion(cert, 'cert-app', tokenUrl(), {
        header: { 'x5t#S256': undefined, x5c: [x5c] },
      });
      const result = await postToken(assertionForm(assertion));
      assert.equal(result.status, 200, result.text);
    });

    it('should refuse an assertion from an unregistered certificate (AADSTS700027)', async () => {
      const assertion = signAssertion(otherCert, 'cert-app', tokenUrl());
      assertEntraError(await postToken<ErrorBody>(assertionForm(assertion)), 401, 'invalid_client', 700027);
    });

    it('should refuse an assertion naming the certificate but signed by another key', async () => {
      const forged = signAssertion({ ...otherCert, sha256Hex: cert.sha256Hex }, 'cert-app', tokenUrl());
      const result = await postToken<ErrorBody>(assertionForm(forged));
      assertEntraError(result, 401, 'invalid_client', 700027);
      assert.match(result.body.error_description, /signature/);
    });

    it('should refuse an expired assertion (AADSTS700024)', async () => {
      const nowS = Math.floor(Date.now() / 1000);
      const assertion = signAssertion(cert, 'cert-app', tokenUrl(), {
        claims: { nbf: nowS - 7200, exp: nowS - 3600 },
      });
      assertEntraError(await postToken<ErrorBody>(assertionForm(assertion)), 401, 'invalid_client', 700024);
    });

    it('should refuse an assertion for another audience', async () => {
      const assertion = signAssertion(cert, 'cert-app', 'https://login.example.com/token');
      assertEntraError(await postToken<ErrorBody>(assertionForm(assertion)), 401, 'invalid_client', 50027);
    });

    it('should refuse an assertion issued for another client (AADSTS700021)', async () => {
      const assertion = signAssertion(cert, 'reader-app', tokenUrl());
      assertEntraError(await postToken<ErrorBody>(assertionForm(assertion)), 401, 'invalid_client', 700021);
    });

    it('should refuse a certificate assertion for a client registered with a secret only', async () => {
      const assertion = signAssertion(cert, 'vigil-demo', tokenUrl());
      assertEntraError(
        await postToken<ErrorBody>(assertionForm(assertion, 'vigil-demo')),
        401,
        'invalid_client',
        700027,
      );
    });

    it('should refuse an unknown client_assertion_type', async () => {
      const assertion = signAssertion(cert, 'cert-app', tokenUrl());
      const form = { ...assertionForm(assertion), client_assertion_type: 'urn:example:other' };
      assertEntraError(await postToken<ErrorBody>(form), 400, 'invalid_request', 9002313);
    });

    it('should refuse a malformed assertion', async () => {
      assertEntraError(await postToken<ErrorBody>(assertionForm('not.a-jwt')), 401, 'invalid_client', 50027);
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
