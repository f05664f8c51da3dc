import type { CommandToken } from './command-token';

/** A typed command split into tokens. Token positions point into `text`. */
export interface TokenizedCommand {
  /** The message with `&nbsp;` turned into spaces; otherwise as typed. */
  readonly text: string;
  readonly tokens: readonly CommandToken[];
}
