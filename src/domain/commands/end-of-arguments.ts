import type { CommandArgs } from './command-args';

/** Where a missing argument would go: just after the last thing typed. */
export function endOfArguments(args: CommandArgs): number {
  return args.text.trimEnd().length;
}
