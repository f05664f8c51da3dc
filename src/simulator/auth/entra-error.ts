import { randomUUID } from 'node:crypto';

/** The OAuth error codes the simulator's token endpoint answers with. */
export type EntraErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_resource';

/** What Entra ID sends back from a refused token request. */
export interface EntraErrorBody {
  error: EntraErrorCode;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

/** A refused token request: the HTTP status, the OAuth error and the AADSTS number and text. */
export class EntraError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: EntraErrorCode,
    readonly aadsts: number,
    message: string,
  ) {
    super(message);
    this.name = 'EntraError';
  }

  /** The body as Entra writes it: the description ends with trace id, correlation id and timestamp. */
  toBody(nowMs: number, correlationId: string = randomUUID()): EntraErrorBody {
    const timestamp = `${new Date(nowMs).toISOString().slice(0, 19).replace('T', ' ')}Z`;
    const traceId = randomUUID();
    return {
      error: this.error,
      error_description:
        `AADSTS${this.aadsts}: ${this.message} Trace ID: ${traceId} ` +
        `Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [this.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${this.aadsts}`,
    };
  }
}

/** `AADSTS900144`: a required form parameter is missing. */
export const missingParameter = (name: string) =>
  new EntraError(
    400,
    'invalid_request',
    900144,
    `The request body must contain the following parameter: '${name}'.`,
  );
