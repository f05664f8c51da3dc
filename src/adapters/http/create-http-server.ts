import type { IncomingHttpHeaders, Server } from 'node:http';
import pino from 'pino';
import type { Logger } from '../../services/ports/logger.port';
import { BodyTooLargeError, readRawBody } from './read-raw-body';
import { type ReadinessCheck, runReadiness } from './readiness';
import { type RestifyError, type RestifyRequest, type RestifyResponse, restify } from './restify';

/** One inbound alert webhook request: its headers and the exact bytes of its body (for the HMAC). */
export interface WebhookRequest {
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: Buffer;
}

/** What the alert webhook answers. */
export interface WebhookResponse {
  readonly status: number;
  readonly body: unknown;
}

/** What `GET /metrics` serves. */
export interface MetricsSource {
  readonly contentType: string;
  render(): Promise<string>;
}

export interface HttpServerDeps {
  /** Runs one Bot Framework request: `adapter.process(req, res, (ctx) => bot.run(ctx))`. */
  readonly processActivity: (req: RestifyRequest, res: RestifyResponse) => Promise<void>;
  /** `POST /api/webhooks/alerts`; without it the route answers 404. */
  readonly alertWebhook?: (request: WebhookRequest) => Promise<WebhookResponse>;
  /** What `GET /readyz` requires. */
  readonly readiness: readonly ReadinessCheck[];
  readonly metrics: MetricsSource;
  readonly logger: Logger;
  /** The largest body accepted on `/api/messages` and the webhook. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** How long one readiness check may take before it counts as failed. Default 2000 ms. */
  readonly readinessTimeoutMs?: number;
}

/** Vigil's HTTP server, not yet listening (see `listen`). */
export interface VigilHttpServer {
  /** The Node server underneath restify. */
  readonly server: Server;
  /** Stops accepting connections and waits for open requests (up to `graceMs`, then cuts them). */
  close(graceMs?: number): Promise<void>;
}

const ROUTES = [
  'POST /api/messages',
  'POST /api/webhooks/alerts',
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
];

const DEFAULT_MAX_BODY = 1024 * 1024;

/**
 * Builds the restify server: `POST /api/messages` (Bot Framework), `POST /api/webhooks/alerts` (raw
 * body, size-capped), `GET /healthz` (alive), `GET /readyz` (every readiness check, 503 when one
 * fails), `GET /metrics` (Prometheus), and a JSON answer for anything else. Nothing listens yet.
 */
export function createHttpServer(deps: HttpServerDeps): VigilHttpServer {
  // restify runs a handler of two arguments only if it is a real `async` function: keep them so.
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const server = restify.createServer({ name: 'vigil', log: pino({ level: 'silent' }) });
  const parseJson = restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false });
  server.post('/api/messages', parseJson, async (req, res) => deps.processActivity(req, res));
  server.post('/api/webhooks/alerts', async (req, res) => receiveWebhook(deps, maxBodyBytes, req, res));
  server.get('/healthz', async (_req, res) => res.send(200, { status: 'ok' }));
  server.get('/readyz', async (_req, res) => {
    const report = await runReadiness(deps.readiness, deps.readinessTimeoutMs);
    res.send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', ...report });
  });
  server.get('/metrics', async (_req, res) => sendMetrics(deps.metrics, res));
  // restify re-emits the Node server's errors on itself, where no listener would make them uncaught
  // exceptions; `listen` already reports a failure to listen (a port in use) to its caller.
  server.on('error', (err) => deps.logger.debug({ err }, 'HTTP server error'));
  server.on('restifyError', (req, res, err, done) => {
    sendError(deps.logger, req, res, err);
    done();
  });
  return { server: server.server, close: (graceMs) => closeServer(server.server, graceMs) };
}

async function receiveWebhook(
  deps: HttpServerDeps,
  maxBodyBytes: number,
  req: RestifyRequest,
  res: RestifyResponse,
): Promise<void> {
  if (!deps.alertWebhook) {
    res.send(404, httpError('WEBHOOK.DISABLED', 'The alert webhook is not enabled.'));
    return;
  }
  let rawBody: Buffer;
  try {
    rawBody = await readRawBody(req, maxBodyBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    res.header('connection', 'close');
    res.send(413, httpError('WEBHOOK.BODY_TOO_LARGE', error.message));
    return;
  }
  const answer = await deps.alertWebhook({ headers: req.headers, rawBody });
  res.send(answer.status, answer.body);
}

async function sendMetrics(metrics: MetricsSource, res: RestifyResponse): Promise<void> {
  const text = await metrics.render();
  res.writeHead(200, { 'content-type': metrics.contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Vigil's one error body, the same as the webhook's: `{ error: { code, message } }`. */
function httpError(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

/** One JSON shape for every error (`httpError`); a 5xx never shows its cause (that is logged). */
function sendError(logger: Logger, req: RestifyRequest, res: RestifyResponse, err: RestifyError): void {
  if (res.headersSent) return;
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  const where = `${req.method ?? '?'} ${req.getPath()}`;
  if (status === 404 || status === 405) {
    const code = status === 404 ? 'HTTP.NOT_FOUND' : 'HTTP.METHOD_NOT_ALLOWED';
    res.send(status, httpError(code, `No route ${where}. Vigil serves: ${ROUTES.join(', ')}.`));
    return;
  }
  if (status >= 500) {
    logger.error({ err, route: where }, 'an HTTP request failed');
    res.send(500, httpError('HTTP.INTERNAL', 'Vigil could not handle this request.'));
    return;
  }
  res.send(
    status,
    httpError(`HTTP.${String(err.body?.code ?? err.name.replace(/Error$/, ''))}`, err.message),
  );
}

function closeServer(server: Server, graceMs = 3000): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
