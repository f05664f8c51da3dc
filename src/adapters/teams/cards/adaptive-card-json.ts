/** A rendered adaptive card: plain JSON, ready to go into an attachment's `content`. */
export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [property: string]: unknown;
}

/** The attachment content type of an adaptive card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
