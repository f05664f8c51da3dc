import type { Machine } from '../../domain/machines/machine';
import { DEFENDER_ERROR_CODES } from '../../services/ports/defender.port';
import { DefenderApiError } from './defender-api-error';

/**
 * The machine a person meant by a name: the exact DNS name, or else the short host name
 * (`ws-042` is `ws-042.contoso.com`, not `ws-0421.contoso.com`), case-insensitive. When several share a
 * short name, the one seen last wins.
 */
export function pickMachineByName(machines: readonly Machine[], name: string): Machine | undefined {
  const wanted = name.trim().toLowerCase();
  const exact = machines.find((machine) => machine.name.toLowerCase() === wanted);
  if (exact) return exact;
  return machines
    .filter((machine) => machine.name.toLowerCase().split('.')[0] === wanted)
    .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''))[0];
}

/** MDE's users→machines route wants the bare user name: `alice@contoso.com` and `CONTOSO\alice` → `alice`. */
export function userNameOnly(user: string): string {
  const withoutDomain = user.trim().split('\\').pop() ?? '';
  return withoutDomain.split('@')[0] ?? '';
}

/** The error of a machine name that matches no machine. */
export function machineNotFound(name: string): DefenderApiError {
  return new DefenderApiError(DEFENDER_ERROR_CODES.notFound, `Defender has no machine named ${name}.`, {
    route: 'GET /api/machines',
  });
}
