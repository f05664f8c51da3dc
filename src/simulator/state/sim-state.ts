import type { McasAlert } from '../model/mcas-types';
import type { MdeAlert, MdeMachine, MdeMachineAction, MdeUser } from '../model/mde-types';

/** The world the simulator starts from (and returns to on `POST /_sim/reset`). */
export interface Estate {
  machines: MdeMachine[];
  /** Users, each with the ids of the machines they log on to. */
  users: Array<{ user: MdeUser; machineIds: string[] }>;
  alerts: MdeAlert[];
  mcasAlerts: McasAlert[];
}

export type ActionOutcome = 'Succeeded' | 'Failed' | 'TimeOut';

/** Settings changed at run time through `POST /_sim/config`. */
export interface SimSettings {
  /** How long a machine action takes from Pending to its final status. */
  actionDelayMs: number;
  /** How machine actions created from now on end. */
  actionOutcome: ActionOutcome;
  /** Multiplies the rate-limit windows (1 = real minutes and hours; 0.01 = a minute lasts 600 ms). */
  rateTimeScale: number;
}

/** Per-machine state the MDE Machine entity does not carry. */
export interface MachineSimState {
  isolated: boolean;
  isolationType: string | null;
  codeExecutionRestricted: boolean;
  scans: Array<{ actionId: string; scanType: string; status: string; time: string }>;
}

export interface Fault {
  method?: string;
  path: string;
  status?: number;
  retryAfter?: number;
  latencyMs: number;
  /** How many more requests this fault applies to; Infinity when unlimited. */
  remaining: number;
  probability: number;
}

export const DEFAULT_SETTINGS: SimSettings = {
  actionDelayMs: 3000,
  actionOutcome: 'Succeeded',
  rateTimeScale: 1,
};

/**
 * Everything the simulator knows, in memory. Feature modules read and change it; `reset()` returns it to
 * the estate. Maps keep insertion order, so "oldest first" is iteration order.
 */
export class SimState {
  readonly alerts = new Map<string, MdeAlert>();
  readonly machines = new Map<string, MdeMachine>();
  readonly machineState = new Map<string, MachineSimState>();
  readonly users = new Map<string, { user: MdeUser; machineIds: string[] }>();
  readonly actions = new Map<string, MdeMachineAction>();
  readonly mcasAlerts = new Map<string, McasAlert>();
  readonly stats = new Map<string, number>();
  faults: Fault[] = [];
  settings: SimSettings;

  constructor(
    private readonly buildEstate: () => Estate,
    private readonly initialSettings: SimSettings = DEFAULT_SETTINGS,
  ) {
    this.settings = { ...initialSettings };
    this.reset();
  }

  /** Back to the initial estate: clears actions, faults, counters and settings. */
  reset(): void {
    const estate = this.buildEstate();
    for (const map of [
      this.alerts,
      this.machines,
      this.machineState,
      this.users,
      this.actions,
      this.mcasAlerts,
      this.stats,
    ]) {
      map.clear();
    }
    this.faults = [];
    this.settings = { ...this.initialSettings };
    for (const machine of estate.machines) this.addMachine(machine);
    for (const entry of estate.users) this.users.set(entry.user.accountName.toLowerCase(), entry);
    for (const alert of estate.alerts) this.alerts.set(alert.id, alert);
    for (const alert of estate.mcasAlerts) this.mcasAlerts.set(alert._id, alert);
  }

  addMachine(machine: MdeMachine): void {
    this.machines.set(machine.id, machine);
    this.machineState.set(machine.id, {
      isolated: false,
      isolationType: null,
      codeExecutionRestricted: false,
      scans: [],
    });
  }

  /** A machine by id or DNS name (case-insensitive; the short host name also matches). */
  findMachine(idOrName: string): MdeMachine | undefined {
    const byId = this.machines.get(idOrName) ?? this.machines.get(idOrName.toLowerCase());
    if (byId) return byId;
    const wanted = idOrName.toLowerCase();
    for (const machine of this.machines.values()) {
      const dns = machine.computerDnsName.toLowerCase();
      if (dns === wanted || dns.split('.')[0] === wanted) return machine;
    }
    return undefined;
  }

  /** Counts one request under its route template, e.g. `POST /api/machines/{id}/isolate`. */
  count(key: string): void {
    this.stats.set(key, (this.stats.get(key) ?? 0) + 1);
  }
}
