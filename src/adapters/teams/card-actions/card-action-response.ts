import type { CardActionResult } from './card-action-handler';
import type { CardActionRefusal } from './card-action-request';

/**
 * The body of an `adaptiveCard/action` invoke response. botbuilder's `AdaptiveCardInvokeResponse` types
 * `value` as an object, but Teams also takes a string for `application/vnd.microsoft.activity.message`.
 */
export interface CardInvokeResponse {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

/** The invoke response of a card action's result: a message for the clicker, or the new card. */
export function toInvokeResponse(result: CardActionResult): CardInvokeResponse {
  if (typeof result === 'string') {
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result };
  }
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card };
}

/** The 400 error invoke response of a refused click (`application/vnd.microsoft.error`). */
export function toRefusalResponse(refusal: CardActionRefusal): CardInvokeResponse {
  return {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: refusal.code, message: refusal.message },
  };
}
