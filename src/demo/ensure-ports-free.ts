import { createServer } from 'node:net';
import { type ListenOptions, toListenError } from '../adapters/http/listen';

function probe(check: ListenOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => reject(toListenError(error, check)));
    server.listen(check.port, check.host, () => server.close(() => resolve()));
  });
}

/**
 * Checks, before anything starts, that every fixed port is free, so a taken port fails fast with a
 * message naming it and its variable instead of after the bot has begun its work. Port 0 (any free port)
 * is not checked. The first taken port is reported.
 */
export async function ensurePortsFree(checks: readonly ListenOptions[]): Promise<void> {
  for (const check of checks) {
    if (check.port !== 0) await probe(check);
  }
}
