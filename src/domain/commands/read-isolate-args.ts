import type { IsolationType } from '../machines/machine-action';
import { bareWord } from './bare-word';
import type { CommandArgs } from './command-args';
import type { MachineArgument } from './machine-argument';
import { readFreeText } from './read-free-text';
import { readMachineArgument } from './read-machine-argument';

/** `isolate <machine> [full|selective] [reason…]`, read. */
export interface IsolateArgs {
  readonly machine: MachineArgument;
  /** `Full` unless `selective` was typed. */
  readonly isolationType: IsolationType;
  /** The rest of the command as typed; absent when nothing follows. */
  readonly reason?: string;
}

const ISOLATION_TYPES: Readonly<Record<string, IsolationType>> = { full: 'Full', selective: 'Selective' };

/**
 * Reads `isolate <machine> [full|selective] [reason…]`. The isolation type is a bare word right after the
 * machine (a quoted `"full"` starts the reason instead). Throws `CommandParseError` when the machine is
 * missing or malformed, or the reason is too long.
 */
export function readIsolateArgs(args: CommandArgs): IsolateArgs {
  const machine = readMachineArgument(args, 0, 'isolate');
  const word = bareWord(args.tokens[1]);
  const isolationType =
    word !== undefined && Object.hasOwn(ISOLATION_TYPES, word) ? ISOLATION_TYPES[word] : undefined;
  const reason = readFreeText(args, isolationType === undefined ? 1 : 2, 'reason');
  const read = { machine, isolationType: isolationType ?? 'Full' };
  return reason === undefined ? read : { ...read, reason };
}
