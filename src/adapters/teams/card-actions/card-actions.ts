import { VERBS } from '../../../domain/cards/verbs';
import type { CardActionHandler } from './card-action-handler';
import { notYetAvailableAction } from './not-yet-available-action';

/**
 * The card actions by verb: the one table `onAdaptiveCardInvoke` and the `Action.Submit` fallback route
 * through. Every verb answers "not available yet" until the card-action issue adds a file per verb here.
 */
export const CARD_ACTIONS: ReadonlyMap<string, CardActionHandler> = new Map(
  VERBS.map((verb) => [verb, notYetAvailableAction(verb)]),
);
