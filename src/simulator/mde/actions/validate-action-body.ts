import { badRequest } from '../../http/sim-error';
import type { BodyParam } from './action-kinds';

/** The parameter every machine action (and a cancel) requires. */
export const COMMENT_PARAM: BodyParam = { name: 'Comment', required: true };

function asObject(body: unknown, expected: readonly BodyParam[]): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(
      'InvalidRequestBody',
      `The request body must be a JSON object with the parameters ${expected.map((p) => p.name).join(', ')}.`,
    );
  }
  return body as Record<string, unknown>;
}

function rejectUnknownNames(body: Record<string, unknown>, expected: readonly BodyParam[]): void {
  const names = expected.map((param) => param.name);
  for (const key of Object.keys(body)) {
    if (names.includes(key)) continue;
    const sameButCase = names.find((name) => name.toLowerCase() === key.toLowerCase());
    const hint = sameButCase
      ? `Body parameter names are case-sensitive: use '${sameButCase}'.`
      : `Expected parameters: ${names.join(', ')}.`;
    throw badRequest('InvalidRequestBody', `Unknown body parameter '${key}'. ${hint}`);
  }
}

function readParam(body: Record<string, unknown>, param: BodyParam): string | undefined {
  const value = body[param.name];
  if (value === undefined || value === null) {
    if (!param.required) return undefined;
    throw badRequest('MissingRequiredParameter', `The required body parameter '${param.name}' is missing.`);
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw badRequest('InvalidRequestBody', `Body parameter '${param.name}' must be a non-empty string.`);
  }
  if (!param.allowed) return value;
  const canonical = param.allowed.find((allowed) => allowed.toLowerCase() === value.toLowerCase());
  if (canonical === undefined) {
    throw badRequest(
      'InvalidRequestBody',
      `Body parameter '${param.name}' must be one of ${param.allowed.join(', ')}; got '${value}'.`,
    );
  }
  return canonical;
}

/**
 * Checks a machine-action body as MDE does: names are case-sensitive PascalCase, so an unknown name
 * (`comment`) is 400 `InvalidRequestBody` naming the expected one, a missing required parameter is 400
 * `MissingRequiredParameter`, and an enum outside its values is 400 `InvalidRequestBody` listing them.
 * Returns the given values by name, enums in their canonical spelling.
 */
export function validateActionBody(
  body: unknown,
  params: readonly BodyParam[],
): Readonly<Record<string, string>> {
  const expected = [COMMENT_PARAM, ...params];
  const object = asObject(body, expected);
  rejectUnknownNames(object, expected);
  const values: Record<string, string> = {};
  for (const param of expected) {
    const value = readParam(object, param);
    if (value !== undefined) values[param.name] = value;
  }
  return values;
}

/** A SHA-1 as MDE takes it: 40 hex characters; anything else is 400 `InvalidHashValue`. */
export function checkSha1(value: string): string {
  if (!/^[0-9a-fA-F]{40}$/.test(value)) {
    throw badRequest('InvalidHashValue', `Sha1 must be 40 hexadecimal characters; got '${value}'.`);
  }
  return value.toLowerCase();
}
