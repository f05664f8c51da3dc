import axios from 'axios';
import { createHttpAgents } from './create-http-agents';
import { DefenderHttp, type DefenderLog } from './defender-http';
import type { DefenderSettings } from './defender-settings';
import { McasClient } from './mcas-client';
import { MdeClient } from './mde-client';
import { MsalNetworkClient } from './msal-network-client';
import { type BudgetClock, RateBudget } from './rate-budget';
import { RetryPolicy } from './retry-policy';
import { MsalTokenProvider } from './token-provider';

/** Test seams and logging for `createDefenderClients`; production passes at most `log`. */
export interface DefenderClientsOptions {
  readonly log?: DefenderLog;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly clock?: BudgetClock;
  /** The backoff of the first repeat (default 500 ms); tests make it small. */
  readonly baseDelayMs?: number;
}

/** The Defender clients Vigil runs with, sharing one rate budget and one token provider. */
export interface DefenderClients {
  readonly mde: MdeClient;
  /** Present when Defender for Cloud Apps is configured. */
  readonly mcas?: McasClient;
  readonly tokens: MsalTokenProvider;
  readonly budget: RateBudget;
  /** Stops the budget's timers and closes idle connections. */
  close(): void;
}

/** Builds the MDE (and MCAS) clients from the settings `loadConfig` produced. */
export function createDefenderClients(
  settings: DefenderSettings,
  options: DefenderClientsOptions = {},
): DefenderClients {
  const agents = createHttpAgents(settings.trustedCaPem);
  const tokens = new MsalTokenProvider(settings, {
    networkClient: new MsalNetworkClient(agents.httpsAgent, settings.timeoutMs),
  });
  const budget = new RateBudget({
    timeScale: settings.rateTimeScale,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const retry = new RetryPolicy({
    maxRetries: settings.maxRetries,
    ...(options.random ? { random: options.random } : {}),
    ...(options.baseDelayMs === undefined ? {} : { baseDelayMs: options.baseDelayMs }),
  });
  const common = {
    budget,
    retry,
    timeoutMs: settings.timeoutMs,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.log ? { log: options.log } : {}),
  };
  const client = (baseURL: string) => axios.create({ baseURL: baseURL.replace(/\/+$/, ''), ...agents });
  const mde = new MdeClient(
    new DefenderHttp({ ...common, service: 'mde', axios: client(settings.mdeBaseUrl), auth: tokens }),
  );
  const mcasSettings = settings.mcas;
  const mcas = mcasSettings
    ? new McasClient(
        new DefenderHttp({
          ...common,
          service: 'mcas',
          axios: client(mcasSettings.baseUrl),
          auth: { authorization: async () => `Token ${mcasSettings.token}` },
        }),
      )
    : undefined;
  return {
    mde,
    ...(mcas ? { mcas } : {}),
    tokens,
    budget,
    close() {
      budget.dispose();
      agents.httpAgent.destroy();
      agents.httpsAgent.destroy();
    },
  };
}
