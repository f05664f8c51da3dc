import type { Verb } from '../../../domain/cards/verbs';
import type { CardJson } from '../../../services/ports/teams.port';
import type { Turn } from '../turn';
import type { CardActionRequest } from './card-action-request';

/** What a card action answers: a short message to the clicker, or a new card. */
export type CardActionResult = string | { readonly card: CardJson };

/** The handler of one verb. */
export interface CardActionHandler {
  readonly verb: Verb;
  handle(request: CardActionRequest, turn: Turn): Promise<CardActionResult>;
}
