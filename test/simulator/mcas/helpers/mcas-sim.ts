import type { McasAlert } from '../../../../src/simulator/model/mcas-types';
import type { SimulatorOptions } from '../../../../src/simulator/simulator';
import { type SimCallResult, TestSimulator } from '../../../helpers/sim-client';
import { mcasFixtures, NOW } from './mcas-fixtures';

export const MCAS = '/mcas/api/v1';
export const API_TOKEN = 'vigil-demo-secret';

/** A simulator on a fixed clock whose MCAS alerts are the fixtures, with helpers to call `/mcas/api/v1`. */
export class McasSim {
  clock = NOW;

  private constructor(readonly sim: TestSimulator) {}

  static async start(options: SimulatorOptions = {}): Promise<McasSim> {
    let env: McasSim | undefined;
    const sim = await TestSimulator.start({ now: () => env?.clock ?? NOW, ...options });
    env = new McasSim(sim);
    return env;
  }

  /** Back to the estate (clears counters and rate budgets), then the fixtures as the only MCAS alerts. */
  async reset(): Promise<void> {
    this.clock = NOW;
    await this.sim.call('POST', '/_sim/reset');
    const alerts = this.sim.sim.ctx.state.mcasAlerts;
    alerts.clear();
    for (const alert of mcasFixtures()) alerts.set(alert._id, alert);
  }

  alert(id: string): McasAlert | undefined {
    return this.sim.sim.ctx.state.mcasAlerts.get(id);
  }

  /** Calls an MCAS route with `Authorization: Token <demo token>` unless `authorization` says otherwise. */
  mcas<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    authorization: string | null = `Token ${API_TOKEN}`,
  ): Promise<SimCallResult<T>> {
    const headers: Record<string, string> = authorization === null ? {} : { authorization };
    return this.sim.call<T>(method, `${MCAS}${path}`, { headers, ...(body === undefined ? {} : { body }) });
  }

  stop(): Promise<void> {
    return this.sim.stop();
  }
}

export interface McasPageBody {
  total: number;
  hasNext: boolean;
  data: McasAlert[];
}
