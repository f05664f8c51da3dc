import WebSocket from 'ws';

/**
 * A test driver for the Microsoft 365 Agents Playground (0.2.28) through the HTTP and WebSocket API its
 * own web UI uses (teams-platform.md §6, option A): no browser. These routes are undocumented; the
 * playground version is pinned in package.json for that reason.
 */

/** A person as the playground describes one (`GET /_internal/v1/config`). */
export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipleName: string;
  givenName: string;
  surname: string;
  email: string;
}

/** The mock Teams context the playground runs with (the `config` part of `GET /_internal/v1/config`). */
export interface PlaygroundContext {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string; name: string };
  groupChats: { id: string; name: string; members: string[] }[];
  /** `channels[0]` is General, whose id is the team's. `members` lists `users` (the current user is implied). */
  teams: {
    id: string;
    name: string;
    aadGroupId: string;
    channels: { id: string; name: string; channelType: string }[];
    members: string[];
  }[];
}

/** A message as the playground shows it (the `message` of a WebSocket event). */
export interface PlaygroundMessage {
  messageId: string;
  timestamp: number;
  from: { id: string };
  text?: string;
  textFormat?: string;
  attachments: { contentType: string; content: unknown }[];
  attachmentLayout?: string;
  mentions?: unknown[];
  /** Set on a `createMessage` of a thread's root post: the thread id `<channel>;messageid=<root>`. */
  postConversationId?: string;
  [key: string]: unknown;
}

/**
 * One event of `ws://…/_ws_conversation/v1/conversations/stream`. A thread's root post (and its updates)
 * is reported on the channel id; replies in a thread on the thread id (`<channel>;messageid=<root>`).
 */
export interface PlaygroundEvent {
  action: 'createMessage' | 'updateMessage' | 'typing';
  actionConversationId: string;
  message?: PlaygroundMessage;
}

/** A Bot Framework activity, loosely typed (what `/_internal/v1/customActivities` forwards as is). */
export type RawActivity = Record<string, unknown> & { id?: string; type: string };

const INVOKE_NAME = 'adaptiveCard/action';

/** Collects everything the playground streams to its UI: what the bot posted, updated and typed. */
export class MessageCollector {
  /** Every event received, oldest first. */
  readonly events: PlaygroundEvent[] = [];
  private waiters: { predicate: (e: PlaygroundEvent) => boolean; resolve: (e: PlaygroundEvent) => void }[] =
    [];

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(JSON.parse(data.toString()) as PlaygroundEvent));
  }

  /** Opens the stream on `playgroundUrl` (events sent before anyone listened are replayed to the first client). */
  static async open(playgroundUrl: string): Promise<MessageCollector> {
    const socket = new WebSocket(
      `${playgroundUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`,
    );
    const collector = new MessageCollector(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return collector;
  }

  /**
   * The first event, already received or still to come, that `predicate` accepts; rejects after
   * `timeoutMs` with the events seen so far in the message.
   */
  waitFor(predicate: (event: PlaygroundEvent) => boolean, timeoutMs = 5000): Promise<PlaygroundEvent> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (event: PlaygroundEvent) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new Error(
            `No matching playground event within ${timeoutMs} ms; seen: ${JSON.stringify(this.events)}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The messages now shown in a conversation (a channel's root posts, or a thread's replies), updates applied. */
  messagesIn(conversationId: string): PlaygroundMessage[] {
    const latest = new Map<string, PlaygroundMessage>();
    for (const event of this.events) {
      if (event.actionConversationId !== conversationId || event.message === undefined) continue;
      const before = latest.get(event.message.messageId);
      latest.set(event.message.messageId, { ...before, ...event.message });
    }
    return [...latest.values()];
  }

  /** Closes the stream. */
  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  private receive(event: PlaygroundEvent): void {
    this.events.push(event);
    for (const waiter of this.waiters.filter((w) => w.predicate(event))) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(event);
    }
  }
}

/** Drives a running playground as its current user (or, through custom activities, as anyone in it). */
export class PlaygroundDriver {
  private constructor(
    /** `http://127.0.0.1:<port>`. */
    readonly url: string,
    /** The mock Teams context, read once at connect. */
    readonly context: PlaygroundContext,
    /** Everything the bot posts and updates, from connect on (plus the replay of earlier posts). */
    readonly messages: MessageCollector,
  ) {}

  /** Opens the message stream and reads the config; the bot must be up (the config call waits up to 15 s for it). */
  static async connect(playgroundUrl: string): Promise<PlaygroundDriver> {
    const messages = await MessageCollector.open(playgroundUrl);
    const context = await getConfig(playgroundUrl);
    return new PlaygroundDriver(playgroundUrl, context, messages);
  }

  /** `GET /_internal/v1/config`: the mock Teams context (bot, users, chats, team and channels). */
  getConfig(): Promise<PlaygroundContext> {
    return getConfig(this.url);
  }

  /** `POST /_debug/conversation/{id}/installation`: sends the bot `installationUpdate` + `conversationUpdate`. */
  async install(teamOrChatId: string): Promise<void> {
    await this.call('POST', `/_debug/conversation/${encodeURIComponent(teamOrChatId)}/installation`, {});
  }

  /**
   * Starts a new post in a channel as the current user. With `mentionBot` (the default) the text begins
   * with `<at>{bot}</at>` and carries the mention entity: as in Teams, the bot only receives channel
   * messages that mention it. Returns the post's id and its thread id (`<channel>;messageid=<id>`).
   */
  async sendToChannel(
    channelId: string,
    text: string,
    options: { mentionBot?: boolean } = {},
  ): Promise<{ messageId: string; threadId: string }> {
    const result = await this.postMessage(channelId, text, options.mentionBot ?? true);
    return { messageId: result.messageId, threadId: result.postConversationId ?? channelId };
  }

  /** Replies in the thread of `rootMessageId` as the current user (mentioning the bot unless told not to). */
  async replyInThread(
    channelId: string,
    rootMessageId: string,
    text: string,
    options: { mentionBot?: boolean } = {},
  ): Promise<{ messageId: string }> {
    const threadId = `${channelId};messageid=${rootMessageId}`;
    return { messageId: (await this.postMessage(threadId, text, options.mentionBot ?? true)).messageId };
  }

  /** Sends a message in the personal (1:1) chat with the bot; no mention needed there. */
  async sendPersonal(text: string): Promise<{ messageId: string }> {
    return { messageId: (await this.postMessage(this.context.personalChat.id, text, false)).messageId };
  }

  /**
   * Clicks an `Action.Submit` on the card `replyToId` in `conversationId`: the bot receives a `message`
   * whose `value` is `value` (the action's data merged with the inputs). `conversationId` is the one the
   * card is in: for a channel post, its thread id `<channel>;messageid=<root>` (with the bare channel id
   * the playground answers 400 `ActivityNotFoundInConversation`).
   */
  async submit(conversationId: string, replyToId: string, value: Record<string, unknown>): Promise<void> {
    await this.call('POST', '/_conversation/v1/submit', {
      conversation: { id: conversationId },
      from: { id: this.context.currentUser.id },
      replyToId,
      value,
    });
  }

  /**
   * Clicks an `Action.Execute` with `verb` and `data` on the card `replyToId` in `conversationId` (as for
   * `submit`, a thread id for a channel post): the bot receives an `adaptiveCard/action` invoke. Returns the `type` and `value` of the bot's invoke response (the
   * playground drops its `statusCode`; use `postToBot` to see it), e.g.
   * `{ type: 'application/vnd.microsoft.card.adaptive', value: card }`. The playground also keeps that
   * card as the message's new content. A bot answering with an HTTP error makes this reject (502).
   */
  async invoke(
    conversationId: string,
    replyToId: string,
    verb: string,
    data: Record<string, unknown> = {},
  ): Promise<{ type: string; value: unknown }> {
    return (await this.call('POST', '/_conversation/v1/invoke', {
      name: INVOKE_NAME,
      conversation: { id: conversationId },
      from: { id: this.context.currentUser.id },
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    })) as { type: string; value: unknown };
  }

  /**
   * Builds a raw activity in `conversationId` from another user: the playground's template
   * (`GET /_internal/v1/customActivities/template`) with `from` set to that user (id, name, aadObjectId),
   * the Teams `channelData` of a channel conversation, and `fields` on top.
   */
  async activityAs(userId: string, conversationId: string, fields: RawActivity): Promise<RawActivity> {
    const user = this.user(userId);
    const query = `conversationId=${encodeURIComponent(conversationId)}`;
    const template = (await this.call(
      'GET',
      `/_internal/v1/customActivities/template?${query}`,
    )) as RawActivity;
    return {
      ...template,
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      ...this.channelDataFor(conversationId),
      ...fields,
    };
  }

  /**
   * Sends an activity as another user through `POST /_internal/v1/customActivities`, which forwards it to
   * the bot unchanged (the only way to act as someone other than the current user). The playground drops
   * the bot's HTTP answer: watch `messages` for what the bot posts, or use `postToBot` to get the answer.
   * Returns the activity sent.
   */
  async sendAs(userId: string, conversationId: string, fields: RawActivity): Promise<RawActivity> {
    const activity = await this.activityAs(userId, conversationId, fields);
    await this.call('POST', '/_internal/v1/customActivities', activity);
    return activity;
  }

  /** A message from another user (mentioning the bot unless told not to), through `sendAs`. */
  messageAs(userId: string, conversationId: string, text: string, options: { mentionBot?: boolean } = {}) {
    return this.sendAs(userId, conversationId, this.messageFields(text, options.mentionBot ?? true));
  }

  /** An `Action.Execute` click by another user, through `sendAs` (the bot's invoke response is not returned). */
  invokeAs(
    userId: string,
    conversationId: string,
    replyToId: string,
    verb: string,
    data: Record<string, unknown> = {},
  ) {
    return this.sendAs(userId, conversationId, this.invokeFields(replyToId, verb, data));
  }

  /** Builds the `Action.Execute` invoke another user would send (for `postToBot`). */
  invokeActivityAs(userId: string, conversationId: string, replyToId: string, verb: string, data = {}) {
    return this.activityAs(userId, conversationId, this.invokeFields(replyToId, verb, data));
  }

  /**
   * Posts an activity straight to the bot's endpoint, as the playground would (no Authorization header,
   * `x-ms-agents-playground: true`), and returns the bot's answer: for an invoke, its invoke response body.
   */
  async postToBot(botEndpoint: string, activity: RawActivity): Promise<{ status: number; body: unknown }> {
    const response = await fetch(botEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ms-agents-playground': 'true' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  }

  /** The current user or one of the users, by Teams id or display name. */
  user(idOrName: string): PlaygroundUser {
    const user = [this.context.currentUser, ...this.context.users].find(
      (u) => u.id === idOrName || u.name === idOrName,
    );
    if (!user) throw new Error(`No playground user ${idOrName}.`);
    return user;
  }

  /** Closes the message stream. */
  close(): Promise<void> {
    return this.messages.close();
  }

  private messageFields(text: string, mentionBot: boolean): RawActivity {
    const mention = `<at>${this.context.bot.name}</at>`;
    return {
      type: 'message',
      text: mentionBot ? `${mention} ${text}` : text,
      textFormat: 'plain',
      entities: mentionBot ? [{ type: 'mention', text: mention, mentioned: { ...this.context.bot } }] : [],
    };
  }

  private invokeFields(replyToId: string, verb: string, data: Record<string, unknown>): RawActivity {
    return {
      type: 'invoke',
      name: INVOKE_NAME,
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    };
  }

  private channelDataFor(conversationId: string): { channelData?: Record<string, unknown> } {
    const channelId = conversationId.split(';messageid=')[0];
    const team = this.context.teams.find((t) => t.channels.some((c) => c.id === channelId));
    if (!team) return {};
    const tenant = { id: this.context.tenantId };
    return {
      channelData: {
        teamsChannelId: channelId,
        teamsTeamId: team.id,
        tenant,
        team: { id: team.id },
        channel: { id: channelId },
      },
    };
  }

  private async postMessage(conversationId: string, text: string, mentionBot: boolean) {
    const mention = `<at>${this.context.bot.name}</at>`;
    const body = {
      from: { id: this.context.currentUser.id },
      text: mentionBot ? `${mention} ${text}` : text,
      textFormat: 'plain',
      mentions: mentionBot ? [{ mentioned: { id: this.context.bot.id }, text: mention }] : [],
    };
    const path = `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`;
    return (await this.call('POST', path, body)) as { messageId: string; postConversationId?: string };
  }

  private call(method: string, path: string, body?: unknown): Promise<unknown> {
    return call(this.url, method, path, body);
  }
}

async function getConfig(url: string): Promise<PlaygroundContext> {
  return ((await call(url, 'GET', '/_internal/v1/config')) as { config: PlaygroundContext }).config;
}

async function call(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`Playground ${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return text === '' ? undefined : JSON.parse(text);
}
