import type { CardJson, TeamsMessage } from '../ports/teams.port';

/**
 * The payload of a `reply` outbox item: a short text for the thread (`{ text }`, markdown unless `plain`),
 * or a card with the text notifications show (`{ card, fallbackText }`).
 */
export type ReplyPayload =
  | { readonly text: string; readonly plain?: boolean }
  | { readonly card: CardJson; readonly fallbackText: string };

/** The longest reply text sent; anything longer is cut (Teams messages are for people, not logs). */
const MAX_REPLY_TEXT = 4000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message a reply item's payload describes, or undefined when the payload is not a `ReplyPayload`. */
export function toReplyMessage(payload: Readonly<Record<string, unknown>>): TeamsMessage | undefined {
  const { text, card, fallbackText, plain } = payload;
  if (isRecord(card) && typeof fallbackText === 'string') return { kind: 'card', card, fallbackText };
  if (typeof text === 'string' && text.trim() !== '') {
    return {
      kind: 'text',
      text: text.length > MAX_REPLY_TEXT ? `${text.slice(0, MAX_REPLY_TEXT - 1)}…` : text,
      ...(plain === true ? { plain: true } : {}),
    };
  }
  return undefined;
}
