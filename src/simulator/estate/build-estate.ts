import { buildMcasAlerts } from '../mcas/mcas-estate';
import type { Estate } from '../state/sim-state';
import { buildEstateAlerts } from './estate-alerts';
import { buildMachines } from './estate-machines';
import { buildUsers } from './estate-users';

/**
 * The simulator's initial estate: 25 machines (two tier0 domain controllers), 10 users and 7 open MDE
 * alerts. Ids are the same on every start; times are relative to `nowMs`.
 */
export function buildEstate(nowMs: number): Estate {
  const machines = buildMachines(nowMs);
  const users = buildUsers(nowMs, machines);
  const alerts = buildEstateAlerts(nowMs, machines, users);
  return {
    machines,
    users,
    alerts,
    mcasAlerts: buildMcasAlerts(users, nowMs),
  };
}
