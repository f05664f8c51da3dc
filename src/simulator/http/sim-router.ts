import type { IncomingHttpHeaders } from 'node:http';

/** Which rate budget a route spends (defender-api.md §1). `none` is not limited. */
export type RateFamily = 'mde' | 'mde-batch' | 'hunting' | 'mcas' | 'none';

/** How a route authenticates: an MDE bearer token, an MCAS `Token` header, or nothing (control routes). */
export type AuthKind = 'mde' | 'mcas' | 'none';

export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
  /** The caller, from its token; `anonymous` on routes without auth. */
  readonly caller: { readonly appId: string; readonly roles: readonly string[] };
}

export interface SimResponse {
  readonly status: number;
  /** Sent as JSON unless `text` is given. */
  readonly body?: unknown;
  /** Sent as plain text (e.g. a bare `$count` number). */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path with `:name` parameters, e.g. `/api/machines/:id/isolate`. Literal segments match in any case. */
  readonly pattern: string;
  readonly auth: AuthKind;
  /** The caller needs any one of these roles (MDE routes). */
  readonly roles?: readonly string[];
  readonly family: RateFamily;
  readonly handler: SimHandler;
}

interface CompiledRoute {
  readonly spec: RouteSpec;
  readonly regex: RegExp;
  readonly paramNames: readonly string[];
  /** The route as counted in `/_sim/stats`: parameters written `{id}`. */
  readonly template: string;
}

export interface RouteMatch {
  readonly route: RouteSpec;
  readonly params: Record<string, string>;
  readonly template: string;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Strips one trailing slash (MCAS routes are written with one, clients send either). */
export function normalizePath(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** A small method + path router; the first route registered for a path wins. */
export class SimRouter {
  private readonly routes: CompiledRoute[] = [];

  add(...specs: RouteSpec[]): void {
    for (const spec of specs) {
      const paramNames: string[] = [];
      const pattern = normalizePath(spec.pattern);
      const source = pattern
        .split('/')
        .map((segment) => {
          if (segment.startsWith(':')) {
            paramNames.push(segment.slice(1));
            return '([^/]+)';
          }
          return escapeRegex(segment);
        })
        .join('/');
      this.routes.push({
        spec,
        regex: new RegExp(`^${source}$`, 'i'),
        paramNames,
        template: pattern.replace(/:[^/]+/g, '{id}'),
      });
    }
  }

  /** The route for a request; `methodNotAllowed` when the path exists under other methods only. */
  match(method: string, path: string): RouteMatch | 'methodNotAllowed' | undefined {
    const normalized = normalizePath(path);
    let pathExists = false;
    for (const route of this.routes) {
      const found = route.regex.exec(normalized);
      if (!found) continue;
      if (route.spec.method !== method) {
        pathExists = true;
        continue;
      }
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { route: route.spec, params, template: route.template };
    }
    return pathExists ? 'methodNotAllowed' : undefined;
  }
}
