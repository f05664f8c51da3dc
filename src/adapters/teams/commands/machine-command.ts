import { formatCardTimeWithAge } from '../../../domain/cards/format-card-time';
import { humanizeName } from '../../../domain/cards/humanize-name';
import { readMachineArgs } from '../../../domain/commands/read-machine-args';
import { isVigilError } from '../../../domain/errors/vigil-error';
import type { Machine } from '../../../domain/machines/machine';
import { recordedIsolation } from '../../../services/actions/recorded-isolation';
import { alertLine } from './alert-line';
import { commandSecurity, permitted } from './command-security';
import { codeSpan, escapeMarkdown } from './markdown-text';
import { withCommandArgs } from './read-command-args';
import { READ_REFUSED } from './read-refused';
import type { TeamsCommand } from './teams-command';

/** How many of a machine's open alerts `machine` shows. */
export const MACHINE_ALERTS_SHOWN = 10;

/** Vigil's record of the machine's isolation, in words. */
function isolationWords(isolated: boolean | undefined): string {
  if (isolated === true) return 'isolated (the last isolation Vigil sent took effect)';
  if (isolated === false) return 'not isolated (Vigil released it after isolating it)';
  return 'Vigil never isolated nor released it';
}

/** Defender's facts of a machine, one markdown bullet each; outside text escaped. */
export function machineFacts(machine: Machine, nowIso: string): string[] {
  const os = [machine.osPlatform, machine.osVersion].filter((part) => part).join(' ');
  const tags = machine.tags.length === 0 ? 'none' : machine.tags.map(escapeMarkdown).join(', ');
  return [
    `- OS: ${escapeMarkdown(os || 'unknown')}`,
    `- Risk: ${humanizeName(machine.riskScore)}; exposure: ${humanizeName(machine.exposureLevel)}; health: ${escapeMarkdown(humanizeName(machine.healthStatus))}`,
    `- Tags: ${tags}`,
    `- Last seen: ${machine.lastSeen ? formatCardTimeWithAge(machine.lastSeen, nowIso) : 'unknown'}`,
  ];
}

/**
 * `machine <name|id>` (everyone): Defender's record of a machine, whether Vigil's record says it is
 * isolated, and its open alerts in Vigil. Defender's refusals are answered in its words.
 */
export const machineCommand: TeamsCommand = {
  name: 'machine',
  summary: "machine name-or-id: Defender's view of a machine, and its open alerts in Vigil",
  takesArguments: true,
  handle: ({ turn, services, args }) =>
    withCommandArgs(args, readMachineArgs, async ({ machine: typed }) => {
      const wanted = typed.kind === 'id' ? typed.id : typed.name;
      const security = commandSecurity(services);
      if (!(await permitted(security, turn.user, 'alert.read', { action: 'machine.read', target: wanted }))) {
        return READ_REFUSED;
      }
      if (services.machines === undefined) return 'Vigil cannot read machines from Defender here.';
      let machine: Machine;
      try {
        machine = await services.machines.getMachine(wanted);
      } catch (error) {
        if (isVigilError(error)) return escapeMarkdown(error.friendlyMessage);
        throw error;
      }
      const repos = services.store.repos;
      const isolated = await recordedIsolation(repos.actions, machine.id);
      const open = await repos.alerts.listOpenOnMachine(machine.id, MACHINE_ALERTS_SHOWN + 1);
      const nowIso = new Date(services.clock.now()).toISOString();
      const shown = open.slice(0, MACHINE_ALERTS_SHOWN);
      return [
        `**${escapeMarkdown(machine.name)}** (${codeSpan(machine.id)})`,
        '',
        ...machineFacts(machine, nowIso),
        `- Vigil's record: ${isolationWords(isolated)}`,
        '',
        ...(shown.length === 0
          ? ['No open alerts in Vigil on it.']
          : [
              'Open alerts in Vigil on it, newest first:',
              ...shown.map((stored) => alertLine(stored.alert, nowIso)),
              ...(open.length > shown.length ? ['…and more: type `alerts` to see them all.'] : []),
            ]),
      ].join('\n');
    }),
};
