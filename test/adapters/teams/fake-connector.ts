import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake connector received. */
export interface ConnectorRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

/** How the fake connector answers the next requests: a status, headers and a body. */
export interface ConnectorAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/**
 * A Bot Connector on loopback, as Teams' `serviceUrl` is: creates threads (`<channel>;messageid=<n>`),
 * takes replies and updates, and answers what a test queues instead.
 */
export class FakeConnector {
  readonly requests: ConnectorRequest[] = [];
  private readonly answers: ConnectorAnswer[] = [];
  private server: Server | undefined;
  private next = 500;

  /** The service URL to put in references. */
  serviceUrl = '';

  /** The next requests get these answers, one each. */
  answerNext(...answers: ConnectorAnswer[]): void {
    this.answers.push(...answers);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => {
        const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
        const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
        this.requests.push(request);
        const answer = this.answers.shift() ?? this.answer(request);
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body ?? {}));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/_connector`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(request: ConnectorRequest): ConnectorAnswer {
    this.next += 1;
    if (request.method === 'POST' && request.path.endsWith('/v3/conversations')) {
      const channel = (request.body.channelData as { channel: { id: string } }).channel.id;
      return {
        status: 201,
        body: { id: `${channel};messageid=${this.next}`, activityId: String(this.next) },
      };
    }
    return { status: 200, body: { id: String(this.next) } };
  }
}
