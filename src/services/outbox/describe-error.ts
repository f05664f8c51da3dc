import { isVigilError } from '../../domain/errors/vigil-error';

/**
 * What may be logged of an error: its code (or name) and message, plus a Vigil error's details. Never the
 * error object itself, which for an HTTP failure may carry the request and its headers.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (isVigilError(error)) return { code: error.code, message: error.message, ...error.details };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { message: String(error) };
}
