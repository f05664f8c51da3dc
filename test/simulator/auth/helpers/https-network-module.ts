import { Agent, request } from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * A minimal MSAL network module whose requests trust one CA: how a client talks to the simulator's
 * identity provider (MSAL refuses `http:` authorities and untrusted certificates).
 */
export class HttpsNetworkModule implements INetworkModule {
  private readonly agent: Agent;

  constructor(caPem: string) {
    this.agent = new Agent({ ca: caPem, keepAlive: false });
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private send<T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const headers: Record<string, string> = { ...(options?.headers ?? {}) };
    if (options?.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const flat = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
          let body: T;
          try {
            body = JSON.parse(text) as T;
          } catch {
            body = text as T;
          }
          resolve({ headers: flat, body, status: res.statusCode ?? 0 });
        });
      });
      req.on('error', reject);
      req.end(options?.body);
    });
  }

  destroy(): void {
    this.agent.destroy();
  }
}
