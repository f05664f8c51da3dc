import type { MdeMachine, MdeMachineAction } from '../../../../../src/simulator/model/mde-types';
import type { SimSettings } from '../../../../../src/simulator/state/sim-state';
import { type SimCallResult, TestSimulator } from '../../../../helpers/sim-client';
import { buildTestMachine } from './build-test-machine';

/** A MachineAction as the API answers it, with its `@odata.context`. */
export type ActionBody = MdeMachineAction & { '@odata.context': string };

const START_MS = Date.parse('2024-05-01T10:00:00.000Z');

/** A simulator on an injected clock, with two machines of its own, for the machine-action specs. */
export class ActionSim {
  private clockMs = START_MS;
  machine: MdeMachine = buildTestMachine();
  other: MdeMachine = buildTestMachine();

  private constructor(readonly sim: TestSimulator) {}

  static async start(settings: Partial<SimSettings> = {}): Promise<ActionSim> {
    let self: ActionSim | undefined;
    const sim = await TestSimulator.start({ now: () => self?.nowMs() ?? Date.now(), settings });
    self = new ActionSim(sim);
    return self;
  }

  nowMs(): number {
    return this.clockMs;
  }

  /** Moves the injected clock on. */
  advance(ms: number): void {
    this.clockMs += ms;
  }

  /** Clock back to 2024-05-01T10:00Z, an empty estate plus two fresh machines, rate limiter cleared. */
  async reset(): Promise<void> {
    this.clockMs = START_MS;
    await this.sim.call('POST', '/_sim/reset');
    this.machine = buildTestMachine();
    this.other = buildTestMachine();
    this.sim.sim.ctx.state.addMachine(this.machine);
    this.sim.sim.ctx.state.addMachine(this.other);
  }

  /** `POST /api/machines/{machine}/{segment}` with a token carrying every role unless one is given. */
  act<T = ActionBody>(segment: string, body: unknown, options: { machine?: string; token?: string } = {}) {
    const machine = options.machine ?? this.machine.id;
    return this.sim.call<T>('POST', `/api/machines/${machine}/${segment}`, {
      token: options.token ?? 'all',
      body,
    });
  }

  /** `GET /api/machineactions/{id}`. */
  get(id: string): Promise<SimCallResult<ActionBody>> {
    return this.sim.call<ActionBody>('GET', `/api/machineactions/${id}`, { token: 'all' });
  }

  /** Every action the simulator holds, from `GET /_sim/mde/actions`. */
  async simActions(): Promise<MdeMachineAction[]> {
    const result = await this.sim.call<{ value: MdeMachineAction[] }>('GET', '/_sim/mde/actions');
    return result.body.value;
  }

  stop(): Promise<void> {
    return this.sim.stop();
  }
}

/** The error body MDE answers with. */
export interface ErrorBody {
  error: { code: string; message: string; target: string };
}
