import type { Verb } from '../../../domain/cards/verbs';
import { notYetAvailable } from '../cards/not-yet-available';
import type { CardActionHandler } from './card-action-handler';

/** The handler of a verb whose action is not built yet: it says so, and sends nothing to Defender. */
export function notYetAvailableAction(verb: Verb): CardActionHandler {
  return {
    verb,
    async handle(_request, turn) {
      turn.log.info({}, 'Card action not available yet');
      return notYetAvailable().value;
    },
  };
}
