import { badRequest, type SimHttpError } from '../http/sim-error';

/** A 400 `ODataError`, the code MDE answers a bad query option with. */
export function odataError(message: string): SimHttpError {
  return badRequest('ODataError', message);
}

/** The message of a syntax error at a position of a `$filter` or `$orderby` text. */
export function syntaxError(text: string, position: number, detail?: string): SimHttpError {
  const suffix = detail ? `: ${detail}.` : '.';
  return odataError(`Syntax error at position ${position} in '${text}'${suffix}`);
}
