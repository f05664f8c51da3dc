import type { ActionState } from '../actions/action-state';
import { actionTitle } from '../actions/describe-action';
import type { ResponseAction } from '../actions/response-action';
import type { CardRetry } from './alert-card-data';
import { CARD_LIMITS } from './card-limits';
import { cardText } from './card-text';
import { lowerFirst } from './lower-first';

/** The endings after which the card offers to try again. */
const RETRYABLE_STATES: readonly ActionState[] = ['failed', 'timeOut', 'expired'];

function param(value: string | undefined, fallback = ''): string {
  return cardText(value, CARD_LIMITS.retryParam) || fallback;
}

/** What the retry button of a failed action sends, by kind; undefined for a machine action without a machine. */
function retryOf(
  action: ResponseAction,
  base: { actionId: string; title: string },
  machineId: string,
): CardRetry | undefined {
  const { params } = action;
  const reason = cardText(params.reason, CARD_LIMITS.retryReason);
  switch (action.kind) {
    case 'isolate':
      if (machineId === '') return undefined;
      return {
        kind: 'isolate',
        ...base,
        machineId,
        isolationType: param(params.isolationType, 'Full'),
        reason,
      };
    case 'unisolate':
      if (machineId === '') return undefined;
      return { kind: 'unisolate', ...base, machineId, reason };
    case 'scan':
      if (machineId === '') return undefined;
      return { kind: 'scan', ...base, machineId, scanType: param(params.scanType, 'Quick') };
    case 'resolve':
      return {
        kind: 'resolve',
        ...base,
        classification: param(params.classification),
        determination: param(params.determination),
        comment: cardText(params.comment, CARD_LIMITS.retryComment, true),
      };
    case 'assign':
      return { kind: 'assign', ...base, assignee: cardText(params.assignee, CARD_LIMITS.assignee) };
    default:
      return undefined;
  }
}

/**
 * The "Retry …" button when the newest action (actions given newest first) failed, timed out or expired:
 * the verb of its kind with the failed action's parameters, cleaned and cut like all card text. A machine
 * action without a machine id (its own, else `fallbackMachineId`) gets no button.
 */
export function toCardRetry(
  actions: readonly ResponseAction[],
  fallbackMachineId: string | undefined,
): CardRetry | undefined {
  const newest = actions[0];
  if (newest === undefined || !RETRYABLE_STATES.includes(newest.state)) return undefined;
  const actionId = cardText(newest.id, CARD_LIMITS.id);
  const named: string | undefined = actionTitle(newest);
  if (actionId === '' || named === undefined) return undefined;
  const title = cardText(`Retry ${lowerFirst(named)}`, CARD_LIMITS.retryTitle);
  const machineId = cardText(newest.machineId, CARD_LIMITS.id) || (fallbackMachineId ?? '');
  return retryOf(newest, { actionId, title }, machineId);
}
