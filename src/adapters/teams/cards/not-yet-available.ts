/** What a click on a card button answers until Vigil's card actions arrive. */
export const NOT_YET_AVAILABLE_MESSAGE =
  "This action is not available yet: it arrives with Vigil's card actions.";

/** An `adaptiveCard/action` invoke response that shows a message instead of changing the card. */
export interface MessageInvokeResponse {
  readonly statusCode: 200;
  readonly type: 'application/vnd.microsoft.activity.message';
  readonly value: string;
}

/** The invoke response for a button whose action is not built yet: a clear message, nothing sent. */
export function notYetAvailable(): MessageInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: NOT_YET_AVAILABLE_MESSAGE,
  };
}
