import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * The part of restify 11 Vigil uses, typed here: restify ships no types and `@types/restify` (written
 * for restify 8) is not a dependency. restify 12 needs Node 22, so 11 stays pinned (design.md).
 */

/** restify's request: Node's, plus what its plugins add. */
export interface RestifyRequest extends IncomingMessage {
  /** Parsed by `bodyParser` (an object for JSON). */
  body?: unknown;
  /** The route's path parameters. */
  params?: Record<string, string>;
  getPath(): string;
}

/** restify's response: Node's, plus its `send` / `header` helpers. */
export interface RestifyResponse extends ServerResponse {
  send(code: number, body?: unknown, headers?: Record<string, string>): void;
  send(body?: unknown): void;
  header(name: string, value: string): void;
  status(code: number): number;
}

export type RestifyHandler = (req: RestifyRequest, res: RestifyResponse) => Promise<void>;
export type RestifyPlugin = (
  req: RestifyRequest,
  res: RestifyResponse,
  next: (err?: unknown) => void,
) => void;

/** An error restify raised itself (not found, payload too large, bad JSON …). */
export interface RestifyError extends Error {
  readonly statusCode?: number;
  readonly body?: { code?: string; message?: string };
}

export interface RestifyServer {
  /** The Node HTTP server underneath (listen and close it directly). */
  readonly server: Server;
  get(path: string, handler: RestifyHandler): void;
  post(path: string, handler: RestifyHandler): void;
  post(path: string, plugin: RestifyPlugin, handler: RestifyHandler): void;
  on(event: 'error', listener: (err: Error) => void): void;
  on(
    event: 'restifyError',
    listener: (req: RestifyRequest, res: RestifyResponse, err: RestifyError, done: () => void) => void,
  ): void;
}

export interface RestifyModule {
  createServer(options?: { name?: string; log?: unknown; handleUncaughtExceptions?: boolean }): RestifyServer;
  plugins: {
    bodyParser(options?: {
      maxBodySize?: number;
      mapParams?: boolean;
      rejectUnknown?: boolean;
    }): RestifyPlugin;
  };
}

/**
 * Loads restify with deprecation warnings off for that moment only: its `spdy` dependency (HTTP/2,
 * unused by Vigil) reaches `process.binding('http_parser')` on load, and Node 20 would print DEP0111
 * twice on every start. Warnings emitted later are untouched.
 */
function loadRestify(): RestifyModule {
  const before = process.noDeprecation;
  process.noDeprecation = true;
  try {
    return require('restify') as RestifyModule;
  } finally {
    process.noDeprecation = before;
  }
}

/** The restify module, typed. */
export const restify = loadRestify();
