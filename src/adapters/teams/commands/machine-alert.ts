import type { MachineArgument } from '../../../domain/commands/machine-argument';
import { isVigilError } from '../../../domain/errors/vigil-error';
import type { StoredAlert } from '../../../services/ports/store.port';
import { codeSpan, escapeMarkdown } from './markdown-text';
import type { CommandServices } from './teams-command';

/** The machine a command named, and the open alert Vigil acts on it through; or why there is none. */
export type MachineAlert =
  | { readonly ok: true; readonly machineId: string; readonly stored: StoredAlert }
  | { readonly ok: false; readonly message: string };

/** The machine as a message names it: its name as typed, or its id as a code span. */
export function machineLabel(machine: MachineArgument): string {
  return machine.kind === 'id' ? codeSpan(machine.id) : escapeMarkdown(machine.name);
}

/**
 * A typed machine's 40-hex Defender id: the id itself, or the id Defender gives the name. Defender's
 * refusals (no such machine, Defender unreachable) come back as their friendly message; other errors
 * are thrown.
 */
export async function machineIdOf(
  services: CommandServices,
  machine: MachineArgument,
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  if (machine.kind === 'id') return { ok: true, id: machine.id };
  if (services.machines === undefined) {
    return {
      ok: false,
      message: `Vigil cannot look machine names up in Defender here: give ${machineLabel(machine)}'s 40-character Defender id instead.`,
    };
  }
  try {
    const found = await services.machines.getMachine(machine.name);
    return { ok: true, id: found.id.toLowerCase() };
  } catch (error) {
    if (isVigilError(error)) return { ok: false, message: escapeMarkdown(error.friendlyMessage) };
    throw error;
  }
}

/**
 * The newest open alert Vigil has on the machine a command named: Vigil acts on machines through their
 * alerts (the alert's card follows the action), so without one there is nothing to act through.
 */
export async function newestOpenAlertOn(
  services: CommandServices,
  machine: MachineArgument,
): Promise<MachineAlert> {
  const id = await machineIdOf(services, machine);
  if (!id.ok) return id;
  const [stored] = await services.store.repos.alerts.listOpenOnMachine(id.id, 1);
  if (stored === undefined) {
    return {
      ok: false,
      message: `Vigil acts on machines through their alerts, and none is open for ${machineLabel(machine)} in Vigil: nothing was sent. Act in the Defender portal, or from the card of the machine's next alert.`,
    };
  }
  return { ok: true, machineId: stored.alert.machine?.id ?? id.id, stored };
}
