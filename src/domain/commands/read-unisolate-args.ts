import type { CommandArgs } from './command-args';
import type { MachineArgument } from './machine-argument';
import { readFreeText } from './read-free-text';
import { readMachineArgument } from './read-machine-argument';

/** `unisolate <machine> [reason…]`, read. */
export interface UnisolateArgs {
  readonly machine: MachineArgument;
  /** The rest of the command as typed; absent when nothing follows. */
  readonly reason?: string;
}

/** Reads `unisolate <machine> [reason…]`. Throws `CommandParseError` when the machine is missing or malformed, or the reason is too long. */
export function readUnisolateArgs(args: CommandArgs): UnisolateArgs {
  const machine = readMachineArgument(args, 0, 'unisolate');
  const reason = readFreeText(args, 1, 'reason');
  return reason === undefined ? { machine } : { machine, reason };
}
