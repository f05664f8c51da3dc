import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedPush {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** A tiny HTTP server standing in for the bot's webhook: records every push and answers a set status. */
export class WebhookReceiver {
  readonly received: ReceivedPush[] = [];
  /** Statuses for the next pushes, in order; 200 once they run out. */
  statuses: number[] = [];
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static start(): Promise<WebhookReceiver> {
    return new Promise((resolve) => {
      let receiver: WebhookReceiver | undefined;
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          receiver?.record({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
          // Two calls: restify, loaded by other tests, patches writeHead to return nothing.
          res.writeHead(receiver?.statuses.shift() ?? 200);
          res.end();
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}/api/webhooks/alerts`);
        resolve(receiver);
      });
    });
  }

  private record(push: ReceivedPush): void {
    this.received.push(push);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once `count` pushes have arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<ReceivedPush[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} pushes, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  reset(): void {
    this.received.length = 0;
    this.statuses = [];
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
