import type {
  Activity,
  CloudAdapter,
  ConversationParameters,
  ConversationReference,
  TurnContext,
} from 'botbuilder';
import { VigilError } from '../../domain/errors/vigil-error';
import type { Clock } from '../../services/ports/clock.port';
import type { Logger } from '../../services/ports/logger.port';
import type { ConversationRecord } from '../../services/ports/store.port';
import {
  type PostedThread,
  TEAMS_ERROR_CODES,
  type TeamsMessage,
  type TeamsMessenger,
} from '../../services/ports/teams.port';
import { toBotActivity } from './to-bot-activity';
import { toTeamsError } from './to-teams-error';

/** What the Bot Framework messenger needs. */
export interface BotFrameworkMessengerDeps {
  readonly adapter: CloudAdapter;
  /** `MicrosoftAppId`; empty when the bot runs without authentication (demo mode, the playground). */
  readonly appId: string;
  readonly logger: Logger;
  /** For `Retry-After` given as a date. Default: the system clock. */
  readonly clock?: Clock;
}

/** The separator of a channel thread's conversation id: `<channelId>;messageid=<rootActivityId>`. */
const THREAD_MARKER = ';messageid=';

/**
 * No audience: the connector factory then uses the one its authentication configuration names (the
 * Bot Framework scope of the cloud in use). An empty string would instead ask for a token with no scope.
 */
const DEFAULT_AUDIENCE = undefined as unknown as string;

function referenceOf(
  conversation: ConversationRecord,
): Partial<ConversationReference> & { serviceUrl: string } {
  const reference = conversation.reference as Partial<ConversationReference>;
  if (typeof reference.serviceUrl !== 'string' || reference.serviceUrl === '') {
    throw new VigilError(TEAMS_ERROR_CODES.failed, 'Vigil does not know how to reach that conversation.', {
      message: `The stored reference of conversation ${conversation.id} has no service URL`,
      details: { conversationId: conversation.id },
    });
  }
  return { ...reference, serviceUrl: reference.serviceUrl };
}

/** The root message id of a thread id, as Teams returns it from create-conversation. */
function rootIdOf(threadId: string | undefined): string {
  const at = threadId?.indexOf(THREAD_MARKER) ?? -1;
  const rootId = threadId && at > 0 ? threadId.slice(at + THREAD_MARKER.length) : '';
  if (rootId === '') {
    throw new VigilError(TEAMS_ERROR_CODES.failed, 'Teams did not say where the new thread is.', {
      message: `Create-conversation answered without a thread id (${String(threadId)})`,
    });
  }
  return rootId;
}

/** The messenger's deps, with the clock and the logger settled. */
interface Sender {
  readonly adapter: CloudAdapter;
  readonly appId: string;
  readonly log: Logger;
  now(): number;
}

/**
 * Runs `work` in a proactive turn of `conversationId` (a channel, a thread, a chat). A failure inside the
 * turn is caught there and rethrown coded: the adapter's `onTurnError` would otherwise swallow it.
 */
async function continueIn(
  sender: Sender,
  conversation: ConversationRecord,
  target: { conversationId: string; operation: string },
  work: (ctx: TurnContext) => Promise<unknown>,
): Promise<void> {
  const base = referenceOf(conversation);
  const conversationRef = { ...base.conversation, id: target.conversationId };
  const reference = { ...base, activityId: undefined, conversation: conversationRef };
  let failure: { error: unknown } | undefined;
  try {
    await sender.adapter.continueConversationAsync(
      sender.appId,
      reference as Partial<ConversationReference>,
      async (ctx) => {
        try {
          await work(ctx);
        } catch (error) {
          failure = { error };
        }
      },
    );
  } catch (error) {
    throw toTeamsError(error, target.operation, sender.now());
  }
  if (failure) throw toTeamsError(failure.error, target.operation, sender.now());
  sender.log.debug({ ...target }, 'Sent to Teams');
}

/** Starts a thread in `channel` with `message` as its root (Teams' create-conversation in a channel). */
async function startThread(
  sender: Sender,
  channel: ConversationRecord,
  message: TeamsMessage,
): Promise<PostedThread> {
  const reference = referenceOf(channel);
  const parameters: ConversationParameters = {
    isGroup: true,
    bot: reference.bot ?? { id: '', name: '' },
    tenantId: channel.tenantId,
    channelData: { channel: { id: channel.id }, tenant: { id: channel.tenantId } },
    activity: toBotActivity(message) as Activity,
  };
  let threadId: string | undefined;
  try {
    const channelId = reference.channelId ?? 'msteams';
    await sender.adapter.createConversationAsync(
      sender.appId,
      channelId,
      reference.serviceUrl,
      DEFAULT_AUDIENCE,
      parameters,
      async (ctx) => {
        threadId = ctx.activity.conversation?.id;
      },
    );
  } catch (error) {
    throw toTeamsError(error, 'post', sender.now());
  }
  const activityId = rootIdOf(threadId);
  sender.log.debug({ operation: 'post', conversationId: threadId }, 'Started a thread in Teams');
  return { threadId: threadId as string, activityId };
}

/**
 * `TeamsMessenger` over botbuilder's `CloudAdapter`, using the conversation references the bot stored:
 * a new thread with `createConversationAsync` (the thread id is `<channel>;messageid=<root>`; the
 * CloudAdapter drops Teams' `activityId`, so the root id is read from after `;messageid=`), a reply or an
 * update with `continueConversationAsync`. Failures become `TEAMS_ERROR_CODES` errors (see `toTeamsError`),
 * which carry no request and so no token; nothing here logs a reference or a header.
 */
export function createBotFrameworkMessenger(deps: BotFrameworkMessengerDeps): TeamsMessenger {
  const clock = deps.clock ?? { now: Date.now };
  const sender: Sender = {
    adapter: deps.adapter,
    appId: deps.appId,
    log: deps.logger.child({ component: 'teams-messenger' }),
    now: () => clock.now(),
  };
  return {
    postThread: (channel, message) => startThread(sender, channel, message),
    async updateMessage(channel, threadId, activityId, message) {
      const activity = { ...toBotActivity(message), id: activityId };
      const target = { conversationId: threadId, operation: 'update' };
      await continueIn(sender, channel, target, (ctx) => ctx.updateActivity(activity));
    },
    async reply(channel, threadId, message) {
      const target = { conversationId: threadId ?? channel.id, operation: 'reply' };
      await continueIn(sender, channel, target, (ctx) => ctx.sendActivity(toBotActivity(message)));
    },
  };
}
