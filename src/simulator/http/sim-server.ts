import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SimContext } from '../sim-context';
import type { Fault } from '../state/sim-state';
import { RateLimiter } from './rate-limiter';
import { readBody } from './read-body';
import { codeForStatus, SimHttpError } from './sim-error';
import { type SimRequest, type SimResponse, SimRouter } from './sim-router';

const MAX_BODY_BYTES = 1_000_000;
const ANONYMOUS = { appId: 'anonymous', roles: [] as readonly string[] };

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new SimHttpError(400, 'InvalidRequestBody', 'The request body is not valid JSON.');
  }
}

function send(res: ServerResponse, response: SimResponse): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  let payload = '';
  if (response.text !== undefined) {
    payload = response.text;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; odata.metadata=minimal; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}

function errorResponse(error: SimHttpError): SimResponse {
  return { status: error.status, body: error.toBody(), headers: error.headers };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs before every request, e.g. to move machine actions along their lifecycle. */
export type RequestHook = (nowMs: number) => void;

/**
 * The simulator's HTTP pipeline: count → injected fault → route → auth (401/403) → rate limit (429) →
 * handler. Every error leaves in MDE's error shape.
 */
export class SimServer {
  readonly router = new SimRouter();
  readonly limiter = new RateLimiter();
  private readonly hooks: RequestHook[] = [];
  private server: Server | undefined;

  constructor(private readonly ctx: SimContext) {}

  onRequest(hook: RequestHook): void {
    this.hooks.push(hook);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      send(res, await this.process(req));
    } catch (error) {
      const simError =
        error instanceof SimHttpError
          ? error
          : new SimHttpError(500, 'InternalServerError', 'The simulator failed to handle the request.');
      if (!(error instanceof SimHttpError)) {
        this.ctx.log.warn('simulator handler failed', { error: String(error), url: req.url });
      }
      if (!res.headersSent) send(res, errorResponse(simError));
    }
  }

  private async process(req: IncomingMessage): Promise<SimResponse> {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const match = this.router.match(method, url.pathname);
    const template = typeof match === 'object' ? match.template : url.pathname;
    this.ctx.state.count(`${method} ${template}`);
    const now = this.ctx.now();
    for (const hook of this.hooks) hook(now);

    const fault = this.takeFault(method, url.pathname);
    if (fault) {
      if (fault.latencyMs > 0) await sleep(fault.latencyMs);
      if (fault.status !== undefined) {
        const headers: Record<string, string> =
          fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
        throw new SimHttpError(fault.status, codeForStatus(fault.status), 'Injected fault.', headers);
      }
    }

    if (match === undefined) throw new SimHttpError(404, 'ResourceNotFound', `No route for ${url.pathname}.`);
    if (match === 'methodNotAllowed') {
      throw new SimHttpError(405, 'MethodNotAllowed', `${method} is not allowed on ${url.pathname}.`);
    }
    const { route, params } = match;
    const raw = await readBody(
      req,
      MAX_BODY_BYTES,
      () => new SimHttpError(413, 'PayloadTooLarge', 'The request body is too large.'),
    );
    const caller = this.authenticate(route.auth, route.roles, req);
    const decision = this.limiter.check(route.family, now, this.ctx.state.settings.rateTimeScale);
    if (!decision.allowed) {
      throw new SimHttpError(
        429,
        'TooManyRequests',
        `Rate limit is exceeded: ${decision.limitHit}. Try again in ${decision.retryAfterS} seconds.`,
        { 'retry-after': String(decision.retryAfterS) },
      );
    }
    const request: SimRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      params,
      headers: req.headers,
      body: parseJson(raw),
      caller,
    };
    return route.handler(request);
  }

  private authenticate(
    kind: 'mde' | 'mcas' | 'none',
    roles: readonly string[] | undefined,
    req: IncomingMessage,
  ) {
    if (kind === 'none') return ANONYMOUS;
    const header = req.headers.authorization ?? '';
    if (kind === 'mcas') return this.authenticateMcas(header);
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new SimHttpError(401, 'Unauthorized', 'Authorization header with a bearer token is required.');
    }
    const result = this.ctx.tokens.verifyMde(token);
    if (!result.ok) throw new SimHttpError(401, 'Unauthorized', result.reason);
    const granted = result.claims.roles;
    if (roles && roles.length > 0 && !roles.some((role) => granted.includes(role))) {
      throw new SimHttpError(
        403,
        'Forbidden',
        `The application does not have the required permission: one of ${roles.join(', ')}.`,
      );
    }
    return { appId: result.claims.appid, roles: granted };
  }

  private authenticateMcas(header: string) {
    const token = header.replace(/^(Token|Bearer)\s+/i, '').trim();
    if (token !== '' && this.mcasTokens.includes(token))
      return { appId: 'mcas-api-token', roles: ['Investigation.manage'] };
    if (/^Bearer\s/i.test(header)) {
      const result = this.ctx.tokens.verifyMcas(token);
      if (result.ok) return { appId: result.claims.appid, roles: result.claims.roles };
    }
    throw new SimHttpError(
      401,
      'Unauthorized',
      'A valid "Authorization: Token <api token>" header is required.',
    );
  }

  private get mcasTokens(): readonly string[] {
    return this.ctx.mcasTokens;
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const faults = this.ctx.state.faults;
    const index = faults.findIndex(
      (fault) =>
        (fault.method === undefined || fault.method.toUpperCase() === method) &&
        path.toLowerCase().startsWith(fault.path.toLowerCase()),
    );
    const fault = faults[index];
    if (!fault) return undefined;
    if (Math.random() >= fault.probability) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults.splice(index, 1);
    return fault;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const server = createServer((req, res) => void this.handle(req, res));
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        this.server = server;
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
