import { readIsolateArgs } from '../../../domain/commands/read-isolate-args';
import { machineLabel } from './machine-alert';
import { withCommandArgs } from './read-command-args';
import { requestMachineAction } from './request-action';
import type { TeamsCommand } from './teams-command';

/**
 * `isolate <machine> [full|selective] <reason>` (responders): isolates a machine through its newest open
 * alert in Vigil, as the card's Isolate… button does. The reason goes into Defender's comment.
 */
export const isolateCommand: TeamsCommand = {
  name: 'isolate',
  summary: 'isolate machine [full|selective] reason: isolate a machine through its open alert (responders)',
  takesArguments: true,
  handle: ({ turn, services, args }) =>
    withCommandArgs(args, readIsolateArgs, async ({ machine, isolationType, reason }) => {
      if (reason === undefined) {
        return `Why isolate ${machineLabel(machine)}? A reason is required (it goes into Defender's comment). Type \`isolate <machine> [full|selective] <reason>\`, e.g. \`isolate ws-042 ransom note found\`.`;
      }
      return requestMachineAction({ turn, services }, 'isolate', machine, { isolationType, reason });
    }),
};
