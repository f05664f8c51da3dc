import type { ActionRequests } from '../../../services/actions/action-requests';
import type { Clock } from '../../../services/ports/clock.port';
import type { MdePort } from '../../../services/ports/defender.port';
import type { Store } from '../../../services/ports/store.port';
import type { SocChannel } from '../../../services/teams/soc-channel';
import type { AdminCheck } from '../bootstrap-admins';
import type { Turn } from '../turn';
import type { RuleCommandServices } from './rule-command-services';

/** What commands may use. */
export interface CommandServices {
  readonly socChannel: SocChannel;
  /** Who the configuration makes admin (`VIGIL_ADMINS`); the role table adds the others. */
  readonly isAdmin: AdminCheck;
  /** Where roles and the audit log live. */
  readonly store: Store;
  readonly clock: Clock;
  /** Response actions (`isolate`, `scan`, `resolve`…); without them those commands say they are off. */
  readonly actions?: ActionRequests;
  /** Defender's machines (`machine`, and machine names typed to `isolate`, `unisolate`, `scan`). */
  readonly machines?: Pick<MdePort, 'getMachine'>;
  /** The automatic rules (`rules`, `rule add`…); without them those commands say they are off. */
  readonly rules?: RuleCommandServices;
}

/** Everything a command's handler receives. */
export interface CommandContext {
  readonly turn: Turn;
  readonly services: CommandServices;
  /** What follows the command's words, as typed (case and mention markup kept); empty when nothing does. */
  readonly args: string;
  /** Every command Vigil knows (for `help`). */
  readonly commands: readonly TeamsCommand[];
}

/** A typed command: its words, what `help` shows, and a handler that returns the answer. */
export interface TeamsCommand {
  /** The command's words, lower case: what the user types after mentioning Vigil. */
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  /** Whether words may follow the name (`role grant <user> <role>`); otherwise the text must be the name. */
  readonly takesArguments?: boolean;
  /**
   * `false`: typed and listed by `help`, but left out of Teams' command menu, which holds at most 10
   * commands per scope. Absent or `true`: in the menu.
   */
  readonly menu?: boolean;
  handle(context: CommandContext): Promise<string>;
}
