import type https from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import axios, { type AxiosInstance } from 'axios';

/**
 * The HTTP client msal uses to reach the sign-in host: axios through our own `https.Agent`, so an extra
 * CA (the simulator's identity provider) can be trusted without touching the process-wide settings.
 * Error replies (400/401 with `invalid_client` …) are returned, not thrown: msal reads them.
 */
export class MsalNetworkClient implements INetworkModule {
  private readonly http: AxiosInstance;

  constructor(
    httpsAgent: https.Agent,
    private readonly timeoutMs: number,
  ) {
    this.http = axios.create({ httpsAgent });
  }

  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options, undefined);
  }

  private async send<T>(
    method: 'GET' | 'POST',
    url: string,
    options: NetworkRequestOptions | undefined,
    timeout: number | undefined,
  ): Promise<NetworkResponse<T>> {
    const response = await this.http.request<string>({
      method,
      url,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { data: options?.body ?? '' } : {}),
      timeout: timeout ?? this.timeoutMs,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
    return { headers, body: parseJson(response.data, response.status) as T, status: response.status };
  }
}

function parseJson(text: unknown, status: number): unknown {
  if (typeof text !== 'string' || text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`The sign-in host answered HTTP ${status} with a body that is not JSON.`);
  }
}
