import type { ConversationRecord } from './store.port';

/** An adaptive card as JSON, ready to attach. */
export type CardJson = Readonly<Record<string, unknown>>;

/** What Vigil posts: a card (with a plain-text fallback for notifications) or plain text. */
export type TeamsMessage =
  | { readonly kind: 'card'; readonly card: CardJson; readonly fallbackText: string }
  | {
      readonly kind: 'text';
      readonly text: string;
      /** True to send it as plain text: it holds outside text that must not be read as markdown. */
      readonly plain?: boolean;
    };

/**
 * The stable codes a `TeamsMessenger` throws (as `VigilError`s). Throttled and transient failures carry
 * `details.retryAfterS` when Teams said how long to wait.
 */
export const TEAMS_ERROR_CODES = {
  /** 429: Teams throttled the bot. Retry after `retryAfterS` or with backoff. */
  throttled: 'TEAMS.THROTTLED',
  /** 412, 502, 504, timeouts, connection errors: retry with backoff. */
  transient: 'TEAMS.TRANSIENT',
  /** 403/404: the bot is not (or no longer) in that conversation. Retrying will not help. */
  notInConversation: 'TEAMS.NOT_IN_CONVERSATION',
  /** 413: the message is too big. */
  tooLarge: 'TEAMS.MESSAGE_TOO_LARGE',
  /** Anything else Teams refused. */
  failed: 'TEAMS.SEND_FAILED',
} as const;

/** Where a new thread was posted. */
export interface PostedThread {
  /** `<channelId>;messageid=<activityId>`: the conversation id of the thread. */
  readonly threadId: string;
  /** The id of the root message (the card). */
  readonly activityId: string;
}

/** Proactive messaging to Teams, independent of the Bot Framework SDK in use. */
export interface TeamsMessenger {
  /** Starts a new thread in the channel with this message as its root. */
  postThread(channel: ConversationRecord, message: TeamsMessage): Promise<PostedThread>;
  /** Replaces the root message of a thread, for everyone. */
  updateMessage(
    channel: ConversationRecord,
    threadId: string,
    activityId: string,
    message: TeamsMessage,
  ): Promise<void>;
  /** Posts a reply in a thread (or, with `threadId` undefined, a message in the conversation itself). */
  reply(channel: ConversationRecord, threadId: string | undefined, message: TeamsMessage): Promise<void>;
}
