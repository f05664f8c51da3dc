import { randomUUID } from 'node:crypto';

/** An error the simulator answers with, in MDE's `{"error":{"code","message","target"}}` shape. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SimHttpError';
  }

  /** The body MDE sends: `target` is a correlation id. */
  toBody(): { error: { code: string; message: string; target: string } } {
    return { error: { code: this.code, message: this.message, target: randomUUID() } };
  }
}

/** The usual error code for an HTTP status, as MDE's common-errors page lists them. */
export function codeForStatus(status: number): string {
  const codes: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    405: 'MethodNotAllowed',
    408: 'RequestTimeout',
    409: 'Conflict',
    413: 'PayloadTooLarge',
    429: 'TooManyRequests',
    500: 'InternalServerError',
    502: 'BadGateway',
    503: 'ServiceUnavailable',
    504: 'GatewayTimeout',
  };
  return codes[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequest');
}

export const badRequest = (code: string, message: string) => new SimHttpError(400, code, message);
export const notFound = (message: string, code = 'NotFound') => new SimHttpError(404, code, message);
