import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { readBody } from '../http/read-body';
import type { SimContext } from '../sim-context';
import { ClientRegistry, type SimClientRegistration } from './client-registry';
import { dispatchIdentityRequest, type IdentityRoute, identityRoutes } from './identity-routes';
import { issuerFor } from './openid-configuration';
import { SIM_TENANT_ID } from './sim-credentials';
import { processTlsCertificate, type TlsCertificate } from './tls-certificate';

const MAX_BODY_BYTES = 64 * 1024;

export interface IdentityProviderOptions {
  /** Applications accepted besides `vigil-demo` (secret and/or certificate, and their roles). */
  readonly clients?: readonly SimClientRegistration[];
  /** The TLS certificate to serve; default: one generated for this process at first start. */
  readonly certificate?: TlsCertificate;
}

function sendJson(res: ServerResponse, status: number, body: unknown, correlationId: string): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    'cache-control': 'no-store, no-cache',
    pragma: 'no-cache',
    'x-ms-request-id': randomUUID(),
    'client-request-id': correlationId,
  });
  res.end(payload);
}

/** The address clients dial: a wildcard listen address is reached on loopback. */
function dialHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The simulator's Entra ID stand-in, served over HTTPS with a self-signed certificate: OpenID metadata,
 * JWKS and the client-credentials token endpoints (secret or certificate), signing with the same key the
 * MDE and MCAS routes verify with. Any tenant id in the path is accepted, `common` included.
 */
export class IdentityProvider {
  readonly clients: ClientRegistry;
  private readonly routes: IdentityRoute[];
  private server: Server | undefined;
  private certificate: TlsCertificate | undefined;
  private origin = '';
  private listenPort = 0;

  constructor(
    private readonly ctx: SimContext,
    private readonly options: IdentityProviderOptions = {},
  ) {
    this.clients = new ClientRegistry(options.clients);
    this.routes = identityRoutes({ clients: this.clients, tokens: ctx.tokens });
  }

  /** `https://127.0.0.1:<port>` once started; an authority is this plus `/<tenant>`. */
  get url(): string {
    return this.origin;
  }

  get port(): number {
    return this.listenPort;
  }

  /** PEM of the certificate the provider serves; a client trusts it as its CA. Undefined until started. */
  get caCertPem(): string | undefined {
    return this.certificate?.certPem;
  }

  /** Listens on `port` (0 = a free one) and makes the MDE `/_sim/token` issuer match its metadata. */
  async start(port: number, host: string): Promise<void> {
    const certificate = this.options.certificate ?? (await processTlsCertificate());
    const server = createServer({ cert: certificate.certPem, key: certificate.keyPem }, (req, res) => {
      void this.handle(req, res);
    });
    this.listenPort = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
    this.server = server;
    this.certificate = certificate;
    this.origin = `https://${dialHost(host)}:${this.listenPort}`;
    this.ctx.tokens.issuer = issuerFor(this.origin, SIM_TENANT_ID);
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const correlationId = String(req.headers['client-request-id'] ?? randomUUID());
    try {
      const url = new URL(req.url ?? '/', this.origin);
      const method = (req.method ?? 'GET').toUpperCase();
      const rawBody = await readBody(req, MAX_BODY_BYTES, () => new Error('request body too large'));
      const origin = req.headers.host ? `https://${req.headers.host}` : this.origin;
      const { template, reply } = dispatchIdentityRequest(this.routes, {
        method,
        path: url.pathname,
        rawBody,
        authorization: req.headers.authorization,
        origin,
        nowMs: this.ctx.now(),
        correlationId,
      });
      this.ctx.state.count(`${method} ${template}`);
      sendJson(res, reply.status, reply.body, correlationId);
    } catch (error) {
      this.ctx.log.warn('identity provider failed to handle a request', {
        error: String(error),
        url: req.url,
      });
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' }, correlationId);
    }
  }
}
