import type { AddressInfo } from 'node:net';
import {
  type ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Request,
  type Response,
} from 'botbuilder';
import { createTurnErrorHandler } from '../../../src/adapters/teams/turn-error-handler';
import type { Logger } from '../../../src/services/ports/logger.port';

// restify 11 ships no types and @types/restify is not a dependency: type the little used here.
interface RestifyServer {
  use(handler: unknown): void;
  post(path: string, handler: (req: Request, res: Response) => Promise<void>): void;
  listen(port: number, host: string, callback: () => void): void;
  close(callback: () => void): void;
  address(): AddressInfo;
}
const restify = require('restify') as { createServer(): RestifyServer; plugins: { bodyParser(): unknown } };

/** A bot served as in production (restify, `POST /api/messages`, CloudAdapter), with no app id. */
export interface RunningBot {
  readonly adapter: CloudAdapter;
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Serves `bot` on a free loopback port, authentication off (the playground sends no token). */
export async function startBotServer(bot: ActivityHandler, logger: Logger): Promise<RunningBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = createTurnErrorHandler(logger);
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}/api/messages`;
  return { adapter, endpoint, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}
