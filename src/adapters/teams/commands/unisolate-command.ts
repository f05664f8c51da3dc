import { readUnisolateArgs } from '../../../domain/commands/read-unisolate-args';
import { machineLabel } from './machine-alert';
import { withCommandArgs } from './read-command-args';
import { requestMachineAction } from './request-action';
import type { TeamsCommand } from './teams-command';

/** `unisolate <machine> <reason>` (responders): releases a machine from isolation through its newest open alert. */
export const unisolateCommand: TeamsCommand = {
  name: 'unisolate',
  summary: 'unisolate machine reason: release a machine from isolation (responders)',
  takesArguments: true,
  handle: ({ turn, services, args }) =>
    withCommandArgs(args, readUnisolateArgs, async ({ machine, reason }) => {
      if (reason === undefined) {
        return `Why release ${machineLabel(machine)}? A reason is required (it goes into Defender's comment). Type \`unisolate <machine> <reason>\`, e.g. \`unisolate ws-042 reimaged\`.`;
      }
      return requestMachineAction({ turn, services }, 'unisolate', machine, { reason });
    }),
};
