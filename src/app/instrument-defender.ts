import type { DefenderLog } from '../adapters/defender/defender-http';
import type { Logger } from '../services/ports/logger.port';
import type { Metrics } from '../services/ports/metrics.port';

/** The rate family a Defender route belongs to (as `rate-family.ts` splits them), from its key. */
export function familyOfRoute(service: 'mde' | 'mcas', route: string): string {
  if (service === 'mcas') return 'mcas';
  if (route.includes('/batchUpdate')) return 'mde-batch';
  if (route.includes('/advancedqueries')) return 'hunting';
  return 'mde';
}

/**
 * The Defender clients' log, counting on the way: every repeated call is a `retry`, or `throttled` when
 * Defender answered 429, in `vigil_defender_calls_total`. The line itself goes on to `logger`.
 */
export function defenderMetricsLog(logger: Logger, metrics: Metrics): DefenderLog {
  const log = logger.child({ component: 'defender' });
  return {
    warn(fields, message) {
      const service = message.startsWith('MCAS') ? 'mcas' : 'mde';
      const family = familyOfRoute(service, String(fields.route ?? ''));
      const throttled = /\bHTTP 429\b/.test(String(fields.failure ?? ''));
      metrics.defenderCall(family, throttled ? 'throttled' : 'retry');
      log.warn(fields, message);
    },
  };
}

/**
 * Wraps a Defender client so each call of one of its methods is counted once in
 * `vigil_defender_calls_total{family, outcome}`: `ok` when it resolves, `failed` when it rejects (after
 * the client's own retries). `familyOf` names the family of a method.
 */
export function countDefenderCalls<T extends object>(
  client: T,
  familyOf: (method: string) => string,
  metrics: Metrics,
): T {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        const family = familyOf(property);
        return result.then(
          (resolved: unknown) => {
            metrics.defenderCall(family, 'ok');
            return resolved;
          },
          (error: unknown) => {
            metrics.defenderCall(family, 'failed');
            throw error;
          },
        );
      };
    },
  });
}

/** The family of an MDE client method. */
export function mdeMethodFamily(method: string): string {
  if (method === 'updateAlerts') return 'mde-batch';
  if (method === 'runHuntingQuery') return 'hunting';
  return 'mde';
}
