import type { SocChannel } from '../../../services/teams/soc-channel';
import type { AdminCheck } from '../bootstrap-admins';
import type { Turn } from '../turn';

/** What commands may use. */
export interface CommandServices {
  readonly socChannel: SocChannel;
  readonly isAdmin: AdminCheck;
}

/** Everything a command's handler receives. */
export interface CommandContext {
  readonly turn: Turn;
  readonly services: CommandServices;
  /** Every command Vigil knows (for `help`). */
  readonly commands: readonly TeamsCommand[];
}

/** A typed command: its words, what `help` shows, and a handler that returns the answer. */
export interface TeamsCommand {
  /** The command's words, lower case: what the user types after mentioning Vigil. */
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  handle(context: CommandContext): Promise<string>;
}
