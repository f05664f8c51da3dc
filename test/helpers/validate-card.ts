import type * as AdaptiveCards from 'adaptivecards';

/**
 * The official `adaptivecards` package, loaded through its `dist/` bundle: the `lib/` entry is ES modules
 * with extension-less imports, which Node cannot resolve. The bundle is UMD and needs no DOM to parse.
 */
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** One problem Microsoft's own code found in a card. */
export interface CardProblem {
  /** `parse` (AdaptiveCard.parse with a SerializationContext) or `validate` (validateProperties). */
  readonly phase: 'parse' | 'validate';
  /** The event's name, e.g. `UnknownElementType`, `PropertyCantBeNull`, `DuplicateId`. */
  readonly event: string;
  readonly message: string;
}

function eventName(event: AdaptiveCards.ValidationEvent): string {
  return AC.ValidationEvent[event] ?? String(event);
}

/**
 * Parses a card with the official Adaptive Cards library (targeting schema 1.5) and runs
 * `validateProperties()`. Returns every parse warning or error and every validation failure; an empty
 * list means Microsoft's own code accepts the card.
 */
export function validateCard(json: unknown): CardProblem[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: CardProblem[] = [];
  for (let index = 0; index < context.eventCount; index += 1) {
    const event = context.getEventAt(index);
    problems.push({ phase: 'parse', event: eventName(event.event), message: event.message });
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push({ phase: 'validate', event: eventName(event.event), message: event.message });
  }
  return problems;
}
