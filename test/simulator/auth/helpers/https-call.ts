import { request } from 'node:https';

export interface HttpsResult<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
  text: string;
}

export interface HttpsCallOptions {
  method?: string;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** The CA to trust; leave out to use Node's default trust store. */
  ca?: string;
}

/** One HTTPS request to the identity provider, trusting `ca`; the body parsed as JSON when it is. */
export function httpsCall<T = unknown>(url: string, options: HttpsCallOptions = {}): Promise<HttpsResult<T>> {
  const payload = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (payload !== undefined) headers['content-type'] ??= 'application/x-www-form-urlencoded';
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (payload ? 'POST' : 'GET'),
        headers,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          const flat = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
          resolve({ status: res.statusCode ?? 0, headers: flat, body: body as T, text });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The claims of a compact JWT, unverified (tests check what the provider put in). */
export function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}
