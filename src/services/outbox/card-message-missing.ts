import { isVigilError } from '../../domain/errors/vigil-error';
import { TEAMS_ERROR_CODES } from '../ports/teams.port';

/** The connector's code for an activity id the conversation does not hold (never posted, or deleted). */
const ACTIVITY_NOT_FOUND = 'ActivityNotFoundInConversation';

/**
 * Whether a failed card update says the card's MESSAGE is gone while the bot can still post: Teams
 * answered `ActivityNotFoundInConversation`, or a bare 404 with no connector code (on an update, the
 * activity is what is addressed). Not when the bot or the conversation is gone (`BotNotInConversationRoster`,
 * `ConversationNotFound`, a 403): posting again would fail the same way.
 */
export function isCardMessageMissing(error: unknown): boolean {
  if (!isVigilError(error, TEAMS_ERROR_CODES.notInConversation)) return false;
  const { teamsCode, status } = error.details;
  if (teamsCode === ACTIVITY_NOT_FOUND) return true;
  return teamsCode === undefined && status === 404;
}
