/** What a secret is replaced with in a log line. */
export const REDACTED = '[redacted]';

/**
 * Field names whose values are secrets wherever they appear: `*password*`, `*secret*`, `*token*`
 * (`access_token`, `MCAS_API_TOKEN` …), authorization headers, cookies, signatures (`x-vigil-signature`),
 * API keys, credentials and private keys.
 */
const SECRET_KEY =
  /pass(word|wd)|secret|token|authori[sz]ation|cookie|signature|api[-_]?key|credential|private[-_]?key/i;

/** Secrets written inside text: `Bearer …` / `Token …` credentials and `sha256=…` signatures. */
const SECRET_TEXT: readonly [RegExp, string][] = [
  [/\b(Bearer|Token|Basic)\s+[A-Za-z0-9._~+/=-]{12,}/g, `$1 ${REDACTED}`],
  [/\bsha256=[0-9a-f]{16,}/gi, `sha256=${REDACTED}`],
  [/\b(client_secret|access_token|password)=[^&\s"]+/gi, `$1=${REDACTED}`],
  [/(\/\/[^/\s:@]+):[^@\s/]+@/g, `$1:${REDACTED}@`],
];

const MAX_DEPTH = 8;

/** Removes secrets written inside a string (see `SECRET_TEXT`). */
export function redactText(text: string): string {
  return SECRET_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

function redactError(error: Error, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) extra[key] = value;
  const fields = redactValue(extra, seen, depth) as Record<string, unknown>;
  return {
    type: error.name,
    message: redactText(error.message),
    ...fields,
    ...(error.stack ? { stack: redactText(error.stack) } : {}),
    ...(error.cause === undefined ? {} : { cause: redactValue(error.cause, seen, depth + 1) }),
  };
}

function redactObject(value: object, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && field !== undefined ? REDACTED : redactValue(field, seen, depth + 1);
  }
  return out;
}

function redactValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (value instanceof Date) return value.toISOString();
  seen.add(value);
  try {
    if (value instanceof Error) return redactError(value, seen, depth);
    if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1));
    if (value instanceof Map) return redactObject(Object.fromEntries(value), seen, depth);
    return redactObject(value, seen, depth);
  } finally {
    seen.delete(value);
  }
}

/**
 * A copy of log fields safe to write: every field named like a secret (at any depth) becomes
 * `[redacted]`, secrets inside strings are masked, errors become plain `{ type, message, …, stack }`.
 */
export function redactSecrets(fields: Record<string, unknown>): Record<string, unknown> {
  return redactValue(fields, new WeakSet(), 0) as Record<string, unknown>;
}
