import type { McasAlert } from '../model/mcas-types';
import { buildMcasAlert } from './build-mcas-alert';

const MINUTE_MS = 60_000;

/** The estate's open Cloud Apps alerts: fixed ids, raised this long before start, one kind each. */
const ESTATE_ALERTS = [
  {
    _id: '6650a1f2c3d4e5f60718293a',
    title: 'Impossible travel activity',
    ageMs: 95 * MINUTE_MS,
    ip: '203.0.113.24',
    statusValue: 0,
  },
  {
    _id: '6650a1f2c3d4e5f60718293b',
    title: 'Mass download by a single user',
    ageMs: 52 * MINUTE_MS,
    ip: '198.51.100.41',
    statusValue: 0,
  },
  {
    _id: '6650a1f2c3d4e5f60718293c',
    title: 'Suspicious inbox forwarding',
    ageMs: 18 * MINUTE_MS,
    ip: '192.0.2.77',
    statusValue: 1,
  },
] as const;

/** An estate user as `Estate.users` holds it; users who log on to machines are named first. */
export interface EstateUser {
  readonly user: { readonly accountName: string };
  readonly machineIds?: readonly string[];
}

/**
 * The MCAS alerts of the initial estate: up to three open alerts, each naming one estate user by an
 * `account` entity (`pa` = `<name>@contoso.com`, `label` = the MDE user name). Same ids on every start.
 */
export function buildMcasAlerts(users: Iterable<EstateUser>, nowMs: number): McasAlert[] {
  const entries = [...users];
  const withMachines = entries.filter((entry) => (entry.machineIds?.length ?? 0) > 0);
  const names = [...withMachines, ...entries.filter((entry) => !withMachines.includes(entry))].map(
    (entry) => entry.user.accountName,
  );
  return ESTATE_ALERTS.slice(0, names.length).map((spec, index) => {
    const alert = buildMcasAlert(
      { _id: spec._id, title: spec.title, timestamp: nowMs - spec.ageMs, statusValue: spec.statusValue },
      nowMs,
      names[index],
    );
    alert.entities.push({ type: 'ip', id: spec.ip, label: spec.ip, entityRole: 'Related' });
    return alert;
  });
}
