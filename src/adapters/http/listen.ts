import type { Server } from 'node:net';
import { VigilError } from '../../domain/errors/vigil-error';

/** Where to listen, and the setting that chose the port (named when it is taken). */
export interface ListenOptions {
  readonly port: number;
  readonly host: string;
  /** The environment variable that sets this port, e.g. `PORT`. */
  readonly variable: string;
  /** What listens there, for the message, e.g. `the bot`. Default `Vigil`. */
  readonly what?: string;
}

/** A server could not listen: `HTTP.PORT_IN_USE` (naming the port and its variable) or `HTTP.LISTEN_FAILED`. */
export class ListenError extends VigilError {}

/**
 * Turns a failure to listen (`EADDRINUSE`, `EACCES` …) into a `ListenError` naming the port and its
 * variable; also for servers that listen by themselves (the simulator, the playground).
 */
export function toListenError(error: NodeJS.ErrnoException, options: ListenOptions): ListenError {
  const what = options.what ?? 'Vigil';
  const details = { port: options.port, host: options.host, variable: options.variable, cause: error.code };
  if (error.code === 'EADDRINUSE') {
    return new ListenError(
      'HTTP.PORT_IN_USE',
      `Port ${options.port} is already in use, so ${what} cannot listen on it. ` +
        `Stop what holds it, or set ${options.variable} to a free port.`,
      { cause: error, details },
    );
  }
  const reason = error.code === 'EACCES' ? 'permission denied' : (error.code ?? error.message);
  return new ListenError(
    'HTTP.LISTEN_FAILED',
    `${what} cannot listen on ${options.host}:${options.port} (${reason}). Check ${options.variable} and HOST.`,
    { cause: error, details },
  );
}

/**
 * Starts `server` listening on `host:port` (0 = a free port) and resolves with the port it got.
 * A port already in use is a `ListenError` naming the port and the variable that sets it.
 */
export function listen(server: Server, options: ListenOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(toListenError(error, options));
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : options.port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port, options.host);
  });
}
