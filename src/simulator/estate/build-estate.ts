import type { Estate } from '../state/sim-state';

/** The simulator's initial estate. Placeholder until the estate module lands. */
export function buildEstate(_nowMs: number): Estate {
  return { machines: [], users: [], alerts: [], mcasAlerts: [] };
}
