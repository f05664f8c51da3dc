import { type Activity, TeamsInfo, type TurnContext } from 'botbuilder';
import { withinTime } from '../../services/background/within-time';
import type { Logger } from '../../services/ports/logger.port';
import type { TeamsIdentity } from './bootstrap-admins';
import { tenantOf } from './teams-channel-data';

/** The person behind an activity: Teams id, display name (for show only) and identity. */
export interface TurnUser extends TeamsIdentity {
  readonly id: string;
  readonly name: string;
}

/** One turn, as handlers see it: the activity, who sent it, a logger bound to it, and how to answer. */
export interface Turn {
  readonly activity: Activity;
  readonly user: TurnUser;
  readonly log: Logger;
  /** Answers in the conversation of the activity: for a channel message, in its thread. */
  reply(text: string): Promise<void>;
  /** The user's sign-in name (UPN, else mail) as Teams knows it; undefined when Teams cannot say. */
  signInName(): Promise<string | undefined>;
}

/** How long a click waits for Teams to say who the clicker is. */
const SIGN_IN_LOOKUP_MS = 1500;

/** The sign-in name of a Teams member record (the playground spells it `userPrincipleName`). */
function signInNameOf(member: Record<string, unknown>): string | undefined {
  for (const key of ['userPrincipalName', 'userPrincipleName', 'email']) {
    const value = member[key];
    if (typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value)) return value;
  }
  return undefined;
}

/** The `Turn` of a botbuilder turn, its logger bound to the activity and conversation ids. */
export function createTurn(ctx: TurnContext, logger: Logger): Turn {
  const activity = ctx.activity;
  const from = activity.from ?? { id: '', name: '' };
  return {
    activity,
    user: {
      id: from.id,
      name: from.name ?? '',
      tenantId: tenantOf(activity),
      ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
    },
    log: logger.child({ activityId: activity.id, conversationId: activity.conversation?.id }),
    async reply(text) {
      await ctx.sendActivity({ type: 'message', text, textFormat: 'markdown' });
    },
    async signInName() {
      if (!from.id) return undefined;
      // Teams wants the click answered within seconds: a slow member lookup counts as no answer.
      const lookup = TeamsInfo.getMember(ctx, from.id).then((member) =>
        signInNameOf(member as unknown as Record<string, unknown>),
      );
      return withinTime(lookup, SIGN_IN_LOOKUP_MS);
    },
  };
}
