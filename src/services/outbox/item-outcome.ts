/**
 * What becomes of a claimed outbox item without a send to Teams (or once Teams has answered):
 * `done` completes it, `later` puts it back until `delayMs` from now, `failed` gives up on it for good.
 */
export type ItemOutcome =
  | { readonly status: 'done'; readonly note: string }
  | { readonly status: 'later'; readonly delayMs: number; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string };

/** The Teams operation a send is, as the `teamsSend` metric names it. */
export type TeamsOperation = 'post' | 'update' | 'reply';
