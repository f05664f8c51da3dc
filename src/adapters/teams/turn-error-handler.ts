import { ActivityTypes, type TurnContext } from 'botbuilder';
import { describeError } from '../../services/outbox/describe-error';
import type { Logger } from '../../services/ports/logger.port';

/** What the user sees when a turn fails unexpectedly: short, and nothing about the inside. */
export const TURN_ERROR_MESSAGE = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** The error invoke response of a failed card action. */
const INVOKE_ERROR = {
  status: 500,
  body: {
    statusCode: 500,
    type: 'application/vnd.microsoft.error',
    value: { code: 'InternalError', message: TURN_ERROR_MESSAGE },
  },
};

/**
 * The one `adapter.onTurnError`: logs the failure with the turn's ids (never the error object, which
 * for a connector failure holds the request and its token) and answers a short safe message: an error
 * invoke response to an invoke, a text to a message, nothing to events and conversation updates.
 */
export function createTurnErrorHandler(logger: Logger): (ctx: TurnContext, error: Error) => Promise<void> {
  return async (ctx, error) => {
    const activity = ctx.activity;
    const log = logger.child({
      activityType: activity?.type,
      activityId: activity?.id,
      conversationId: activity?.conversation?.id,
    });
    log.error({ error: { ...describeError(error), stack: error?.stack } }, 'Unhandled error in a Teams turn');
    try {
      if (activity?.type === ActivityTypes.Invoke) {
        await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: INVOKE_ERROR });
      } else if (activity?.type === ActivityTypes.Message) {
        await ctx.sendActivity(TURN_ERROR_MESSAGE);
      }
    } catch (sendError) {
      log.warn({ error: describeError(sendError) }, 'Could not tell the user about the error');
    }
  };
}
