import type { ScanType } from '../machines/machine-action';
import type { CommandArgs } from './command-args';
import { CommandParseError } from './command-parse-error';
import { usageHint } from './command-usage';
import { expectNoMoreTokens } from './expect-no-more-tokens';
import type { MachineArgument } from './machine-argument';
import { quoteTyped } from './quote-typed';
import { readMachineArgument } from './read-machine-argument';

/** `scan <machine> [quick|full]`, read. */
export interface ScanArgs {
  readonly machine: MachineArgument;
  /** `Quick` unless `full` was typed. */
  readonly scanType: ScanType;
}

const SCAN_TYPES: Readonly<Record<string, ScanType>> = { quick: 'Quick', full: 'Full' };

/** Reads `scan <machine> [quick|full]` (any case). Throws `CommandParseError` when the machine is missing or malformed, the type is neither, or more follows. */
export function readScanArgs(args: CommandArgs): ScanArgs {
  const machine = readMachineArgument(args, 0, 'scan');
  const token = args.tokens[1];
  if (token === undefined) return { machine, scanType: 'Quick' };
  const word = token.kind === 'mention' ? '' : token.value.toLowerCase();
  const scanType = Object.hasOwn(SCAN_TYPES, word) ? SCAN_TYPES[word] : undefined;
  if (scanType === undefined) {
    throw new CommandParseError(
      `${quoteTyped(token.raw)} is not a kind of scan: expected quick or full. ${usageHint('scan')}`,
      token.position,
      'quick or full',
    );
  }
  expectNoMoreTokens(args, 2, 'scan');
  return { machine, scanType };
}
