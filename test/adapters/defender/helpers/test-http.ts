import axios from 'axios';
import { DefenderHttp } from '../../../../src/adapters/defender/defender-http';
import { RateBudget } from '../../../../src/adapters/defender/rate-budget';
import { RetryPolicy } from '../../../../src/adapters/defender/retry-policy';

export interface TestHttp {
  readonly http: DefenderHttp;
  /** Every wait the client asked for between attempts. */
  readonly sleeps: number[];
  readonly budget: RateBudget;
  renewals: number;
}

/** A `DefenderHttp` against a stub server: virtual waiting, a fixed random, a static token. */
export function createTestHttp(
  baseURL: string,
  options: { service?: 'mde' | 'mcas'; timeoutMs?: number; maxRetries?: number; token?: () => string } = {},
): TestHttp {
  const sleeps: number[] = [];
  // Virtual time: a sleep moves it on at once, so waits are recorded but never spent.
  let skipped = 0;
  const now = () => Date.now() + skipped;
  const budget = new RateBudget({
    clock: {
      now,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
  });
  const result: TestHttp = {
    sleeps,
    budget,
    renewals: 0,
    http: new DefenderHttp({
      service: options.service ?? 'mde',
      axios: axios.create({ baseURL }),
      auth: {
        authorization: async () =>
          `${options.service === 'mcas' ? 'Token' : 'Bearer'} ${options.token?.() ?? 'test-token'}`,
        invalidate: () => {
          result.renewals += 1;
        },
      },
      budget,
      retry: new RetryPolicy({ maxRetries: options.maxRetries ?? 4, random: () => 0.5 }),
      timeoutMs: options.timeoutMs ?? 2_000,
      now,
      sleep: async (ms) => {
        sleeps.push(ms);
        skipped += ms;
      },
    }),
  };
  return result;
}
