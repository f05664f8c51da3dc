import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/simulator';

export interface SimCallResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface SimCallOptions {
  /** A bearer token, or `'all'` for a token with every MDE role (from `/_sim/token`). */
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A started simulator on a free port plus helpers to call it, for tests. */
export class TestSimulator {
  private allRolesToken: string | undefined;

  private constructor(readonly sim: RunningSimulator) {}

  static async start(options: SimulatorOptions = {}): Promise<TestSimulator> {
    return new TestSimulator(await startSimulator({ port: 0, ...options }));
  }

  get url(): string {
    return this.sim.url;
  }

  /** A token carrying exactly these roles (every role when none are given). */
  async token(roles?: readonly string[]): Promise<string> {
    const query = roles === undefined ? '' : `?roles=${encodeURIComponent(roles.join(','))}`;
    const result = await this.call<{ access_token: string }>('GET', `/_sim/token${query}`);
    return result.body.access_token;
  }

  async call<T = unknown>(
    method: string,
    path: string,
    options: SimCallOptions = {},
  ): Promise<SimCallResult<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token !== undefined) {
      if (options.token === 'all') {
        this.allRolesToken ??= await this.token();
        headers.authorization = `Bearer ${this.allRolesToken}`;
      } else {
        headers.authorization = `Bearer ${options.token}`;
      }
    }
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.sim.url}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: body as T, text };
  }

  stop(): Promise<void> {
    return this.sim.stop();
  }
}
