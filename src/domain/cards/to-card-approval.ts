import { actionTitle } from '../actions/describe-action';
import type { ResponseAction } from '../actions/response-action';
import type { CardApproval } from './alert-card-data';
import { CARD_LIMITS } from './card-limits';
import { cardText } from './card-text';
import { lowerFirst } from './lower-first';

/**
 * The Approve and Reject buttons for the newest action (actions given newest first) waiting for a second
 * responder's approval; undefined when none waits.
 */
export function toCardApproval(actions: readonly ResponseAction[]): CardApproval | undefined {
  const waiting = actions.find((action) => action.state === 'awaitingApproval');
  if (waiting === undefined) return undefined;
  const actionId = cardText(waiting.id, CARD_LIMITS.id);
  if (actionId === '') return undefined;
  const named: string | undefined = actionTitle(waiting);
  const title = lowerFirst(named ?? 'action');
  const who = waiting.requestedBy.name.trim() || 'someone';
  const by = waiting.origin === 'rule' ? `rule ${who}` : who;
  return {
    actionId,
    prompt: cardText(`Approve or reject the ${title} requested by ${by}.`, CARD_LIMITS.approvalPrompt),
  };
}
