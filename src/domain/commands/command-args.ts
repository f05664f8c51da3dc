import type { CommandToken } from './command-token';

/**
 * What an argument reader reads: the tokens after the command's words, and the whole text they come
 * from (token positions point into it; a reason or comment is taken from it as typed).
 */
export interface CommandArgs {
  readonly text: string;
  readonly tokens: readonly CommandToken[];
}
