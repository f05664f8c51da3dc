import type { AxiosInstance, AxiosResponse } from 'axios';
import type { z } from 'zod';
import { DEFENDER_ERROR_CODES } from '../../services/ports/defender.port';
import { DefenderApiError } from './defender-api-error';
import { type DefenderFailure, failureFromError, failureFromResponse, failureKind } from './defender-failure';
import { type DefenderRoute, type RetryMode, routeKey, routePath } from './defender-route';
import { type QueryParams, queryString } from './query-string';
import type { RateBudget } from './rate-budget';
import { requiredPermission } from './required-permissions';
import type { RetryPolicy } from './retry-policy';
import { toDefenderApiError } from './to-defender-api-error';

/** Gives the `Authorization` header of a call; `invalidate()` drops a cached token after a 401. */
export interface AuthorizationSource {
  authorization(): Promise<string>;
  invalidate?(): void;
}

/** The few log calls the clients make (pino-compatible). Never given a header, a token or a body. */
export interface DefenderLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface DefenderHttpOptions {
  readonly service: 'mde' | 'mcas';
  /** An axios instance whose `baseURL` is the API host; its agents decide which CAs are trusted. */
  readonly axios: AxiosInstance;
  readonly auth: AuthorizationSource;
  readonly budget: RateBudget;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly log?: DefenderLog;
}

/** One call: the route, its parameters, and the schema its 2xx body must satisfy. */
export interface DefenderCall<T> {
  readonly route: DefenderRoute;
  readonly params?: Readonly<Record<string, string>>;
  /** Query parameters; keys are sent as written (`$filter`), values URL-encoded. */
  readonly query?: QueryParams;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
  /** Overrides the route's retry mode (e.g. a PATCH that appends a comment). */
  readonly retry?: RetryMode;
  /** Overrides the permission a 403 names. */
  readonly permission?: string;
}

type Attempt =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly failure: DefenderFailure };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends Defender calls: waits for the route family's rate budget, adds the auth header and a timeout,
 * repeats what may be repeated (see `RetryPolicy`), validates a 2xx body with its schema, and turns
 * every failure into a `DefenderApiError`.
 */
export class DefenderHttp {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: DefenderHttpOptions) {
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  async send<T>(call: DefenderCall<T>): Promise<T> {
    const mode = call.retry ?? call.route.retry;
    let attempts = 0;
    let retries = 0;
    let renewedToken = false;
    for (;;) {
      attempts += 1;
      const result = await this.attempt(call);
      if (result.ok) return this.validate(call, result.body);
      const { failure } = result;
      if (this.shouldRenewToken(failure, renewedToken)) {
        renewedToken = true;
        this.options.auth.invalidate?.();
        continue;
      }
      const delayMs = this.retryDelay(call, failure, mode, retries);
      if (delayMs === undefined) throw this.toError(call, failure, mode, attempts);
      retries += 1;
      this.options.log?.warn(
        { route: routeKey(call.route), failure: describe(failure), attempt: attempts, delayMs },
        `${this.options.service.toUpperCase()} call failed; trying again`,
      );
      await this.sleep(delayMs);
    }
  }

  private async attempt<T>(call: DefenderCall<T>): Promise<Attempt> {
    const slot = await this.options.budget.acquire(call.route.family);
    try {
      const authorization = await this.options.auth.authorization();
      const response = await this.options.axios.request<string>({
        method: call.route.method,
        url: routePath(call.route, call.params) + queryString(call.query),
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(call.body === undefined ? {} : { data: JSON.stringify(call.body) }),
        timeout: this.options.timeoutMs,
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
      });
      return this.readResponse(call, response);
    } catch (error) {
      return { ok: false, failure: failureFromError(error) };
    } finally {
      slot.release();
    }
  }

  private readResponse<T>(call: DefenderCall<T>, response: AxiosResponse<string>): Attempt {
    const text = typeof response.data === 'string' ? response.data : '';
    if (response.status >= 200 && response.status < 300) {
      if (text.trim() === '') return { ok: true, body: undefined };
      try {
        return { ok: true, body: JSON.parse(text) };
      } catch {
        throw this.invalidResponse(call, ['body: not JSON']);
      }
    }
    const retryAfter = response.headers['retry-after'];
    const header = typeof retryAfter === 'string' ? retryAfter : undefined;
    return { ok: false, failure: failureFromResponse(response.status, header, text, this.now()) };
  }

  private shouldRenewToken(failure: DefenderFailure, renewedToken: boolean): boolean {
    return (
      failure.type === 'http' && failure.status === 401 && !renewedToken && !!this.options.auth.invalidate
    );
  }

  /**
   * The wait before the next attempt, or undefined to give up. A 429 that will be repeated also holds the
   * whole family for that long, so other callers wait instead of collecting 429s of their own; one that
   * is not repeated (a Retry-After beyond a minute) holds nobody: the callers hear RATE_LIMITED at once.
   */
  private retryDelay<T>(
    call: DefenderCall<T>,
    failure: DefenderFailure,
    mode: RetryMode,
    retries: number,
  ): number | undefined {
    const kind = failureKind(failure);
    const retryAfterMs = failure.type === 'http' ? failure.retryAfterMs : undefined;
    const decision = this.options.retry.decide(retries, kind, mode, retryAfterMs);
    if (!decision.retry) return undefined;
    if (kind === 'rate-limited')
      this.options.budget.holdUntil(call.route.family, this.now() + decision.delayMs);
    return decision.delayMs;
  }

  private validate<T>(call: DefenderCall<T>, body: unknown): T {
    const parsed = call.schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`);
    throw this.invalidResponse(call, issues);
  }

  private invalidResponse<T>(call: DefenderCall<T>, issues: string[]): DefenderApiError {
    const product = this.options.service === 'mde' ? 'Defender' : 'Defender for Cloud Apps';
    return new DefenderApiError(
      DEFENDER_ERROR_CODES.invalidResponse,
      `${product} sent a reply Vigil could not read (${routeKey(call.route)}).`,
      { route: routeKey(call.route), issues },
    );
  }

  private toError<T>(call: DefenderCall<T>, failure: DefenderFailure, mode: RetryMode, attempts: number) {
    const key = routeKey(call.route);
    const permission = call.permission ?? requiredPermission(key);
    return toDefenderApiError(failure, {
      service: this.options.service,
      route: key,
      subject: call.route.subject,
      retry: mode,
      attempts,
      ...(permission === undefined ? {} : { permission }),
    });
  }
}

function describe(failure: DefenderFailure): string {
  if (failure.type === 'http')
    return `HTTP ${failure.status}${failure.defenderCode ? ` ${failure.defenderCode}` : ''}`;
  return failure.type === 'timeout' ? 'timeout' : failure.networkCode;
}
