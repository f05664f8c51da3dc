import assert from 'node:assert/strict';
import { AuthError, ConfidentialClientApplication, type NodeAuthOptions } from '@azure/msal-node';
import { ALL_MDE_ROLES } from '../../../src/simulator/auth/sim-credentials';
import { TestSimulator } from '../../helpers/sim-client';
import { type ClientCertificate, createClientCertificate } from './helpers/client-certificate';
import { decodeJwt } from './helpers/https-call';
import { HttpsNetworkModule } from './helpers/https-network-module';

const TENANT = '3f1c2a9e-5b7d-4e0f-9a61-2c8d4b6e7f10';
const MDE_SCOPE = 'https://api.securitycenter.microsoft.com/.default';
const MCAS_SCOPE = '05a65629-4c1b-48c1-a78b-804c4abdd4af/.default';

describe('simulator identity provider with a real @azure/msal-node client', () => {
  let sim: TestSimulator;
  let cert: ClientCertificate;
  const modules: HttpsNetworkModule[] = [];

  before(async () => {
    cert = await createClientCertificate('vigil-cert-app');
    sim = await TestSimulator.start({
      clients: [
        {
          clientId: 'cert-app',
          certificatePem: cert.certPem,
          roles: [...ALL_MDE_ROLES, 'Investigation.read'],
        },
        { clientId: 'reader-app', secret: 'reader-secret', roles: ['Alert.Read.All'] },
      ],
    });
    // A route that needs an MDE token with Machine.Isolate, answering with the caller it saw.
    sim.sim.server.router.add({
      method: 'GET',
      pattern: '/api/_test/needs-isolate',
      auth: 'mde',
      roles: ['Machine.Isolate'],
      family: 'none',
      handler: (req) => ({ status: 200, body: req.caller }),
    });
  });
  after(async () => {
    for (const module of modules) module.destroy();
    await sim.stop();
  });

  function msalApp(
    auth: Omit<NodeAuthOptions, 'authority' | 'knownAuthorities'>,
    options: { tenant?: string; ca?: string } = {},
  ): ConfidentialClientApplication {
    const networkClient = new HttpsNetworkModule(options.ca ?? sim.sim.caCertPem);
    modules.push(networkClient);
    return new ConfidentialClientApplication({
      auth: {
        ...auth,
        authority: `${sim.sim.authUrl}/${options.tenant ?? TENANT}`,
        knownAuthorities: [`127.0.0.1:${sim.sim.authPort}`],
      },
      system: { networkClient },
    });
  }

  async function acquire(app: ConfidentialClientApplication, scope = MDE_SCOPE): Promise<string> {
    const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
    assert.ok(result?.accessToken, 'MSAL returned no access token');
    return result.accessToken;
  }

  const callNeedsIsolate = (token: string) =>
    sim.call<{ appId: string; roles: string[] }>('GET', '/api/_test/needs-isolate', { token });

  it('should acquire a token with the demo client secret and call an MDE route with it', async () => {
    const token = await acquire(msalApp({ clientId: 'vigil-demo', clientSecret: 'vigil-demo-secret' }));
    assert.equal(decodeJwt(token).tid, TENANT);
    const result = await callNeedsIsolate(token);
    assert.equal(result.status, 200, result.text);
    assert.equal(result.body.appId, 'vigil-demo');
  });

  // MSAL itself refuses client credentials on "common" (missing_tenant_id_error); a domain name works.
  it('should acquire a token through an authority named by the tenant domain', async () => {
    const app = msalApp(
      { clientId: 'vigil-demo', clientSecret: 'vigil-demo-secret' },
      { tenant: 'contoso.onmicrosoft.com' },
    );
    assert.equal((await callNeedsIsolate(await acquire(app))).status, 200);
  });

  it('should acquire a token with a certificate (SHA-256 thumbprint, PS256)', async () => {
    const app = msalApp({
      clientId: 'cert-app',
      clientCertificate: { thumbprintSha256: cert.sha256Hex, privateKey: cert.keyPem },
    });
    const result = await callNeedsIsolate(await acquire(app));
    assert.equal(result.status, 200, result.text);
    assert.equal(result.body.appId, 'cert-app');
  });

  it('should acquire a token with a certificate (SHA-1 thumbprint, RS256, with x5c)', async () => {
    const app = msalApp({
      clientId: 'cert-app',
      clientCertificate: { thumbprint: cert.sha1Hex, privateKey: cert.keyPem, x5c: cert.certPem },
    });
    assert.equal((await callNeedsIsolate(await acquire(app))).status, 200);
  });

  it('should acquire a Cloud Apps token that the MCAS routes accept as a bearer token', async () => {
    const token = await acquire(
      msalApp({ clientId: 'vigil-demo', clientSecret: 'vigil-demo-secret' }),
      MCAS_SCOPE,
    );
    const result = await sim.call('GET', '/mcas/api/v1/alerts/', {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(result.status, 200, result.text);
  });

  it('should give an app with few roles a token the route answers with 403', async () => {
    const token = await acquire(msalApp({ clientId: 'reader-app', clientSecret: 'reader-secret' }));
    assert.deepEqual(decodeJwt(token).roles, ['Alert.Read.All']);
    const result = await callNeedsIsolate(token);
    assert.equal(result.status, 403);
  });

  it('should surface a wrong secret as an MSAL invalid_client error (AADSTS7000215)', async () => {
    const app = msalApp({ clientId: 'vigil-demo', clientSecret: 'not-the-secret' });
    await assert.rejects(acquire(app), (error: unknown) => {
      assert.ok(error instanceof AuthError, String(error));
      assert.equal(error.errorCode, 'invalid_client');
      assert.match(error.errorMessage, /AADSTS7000215/);
      return true;
    });
  });

  it('should surface an unknown client as an MSAL unauthorized_client error', async () => {
    const app = msalApp({ clientId: 'nobody', clientSecret: 'x' });
    await assert.rejects(acquire(app), (error: unknown) => {
      assert.ok(error instanceof AuthError);
      assert.equal(error.errorCode, 'unauthorized_client');
      return true;
    });
  });

  it('should fail when the client does not trust the provider’s certificate', async () => {
    const app = msalApp({ clientId: 'vigil-demo', clientSecret: 'vigil-demo-secret' }, { ca: cert.certPem });
    await assert.rejects(acquire(app), (error: unknown) => {
      assert.ok(error instanceof AuthError);
      assert.equal(error.errorCode, 'endpoints_resolution_error');
      return true;
    });
  });
});
