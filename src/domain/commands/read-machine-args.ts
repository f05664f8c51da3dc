import type { CommandArgs } from './command-args';
import { expectNoMoreTokens } from './expect-no-more-tokens';
import type { MachineArgument } from './machine-argument';
import { readMachineArgument } from './read-machine-argument';

/** `machine <name|id>`, read. */
export interface MachineArgs {
  readonly machine: MachineArgument;
}

/** Reads `machine <name|id>`. Throws `CommandParseError` when the machine is missing or malformed, or more follows. */
export function readMachineArgs(args: CommandArgs): MachineArgs {
  const machine = readMachineArgument(args, 0, 'machine');
  expectNoMoreTokens(args, 1, 'machine');
  return { machine };
}
