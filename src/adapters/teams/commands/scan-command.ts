import { readScanArgs } from '../../../domain/commands/read-scan-args';
import { withCommandArgs } from './read-command-args';
import { requestMachineAction } from './request-action';
import type { TeamsCommand } from './teams-command';

/** `scan <machine> [quick|full]` (responders): an antivirus scan through the machine's newest open alert. */
export const scanCommand: TeamsCommand = {
  name: 'scan',
  summary: 'scan machine [quick|full]: run an antivirus scan on a machine with an open alert (responders)',
  takesArguments: true,
  handle: ({ turn, services, args }) =>
    withCommandArgs(args, readScanArgs, ({ machine, scanType }) =>
      requestMachineAction({ turn, services }, 'scan', machine, { scanType }),
    ),
};
