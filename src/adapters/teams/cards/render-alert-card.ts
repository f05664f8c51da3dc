import { Template } from 'adaptivecards-templating';
import alertTemplate from '../../../../cards/alert.json';
import type { AlertCardData } from '../../../domain/cards/alert-card-data';
import { VigilError } from '../../../domain/errors/vigil-error';
import type { AdaptiveCardJson } from './adaptive-card-json';

/** The templating engine's marker: any `${` left in a rendered card is a field the data did not bind. */
const BINDING_MARKER = '${';

let compiled: Template | undefined;

function template(): Template {
  compiled ??= new Template(alertTemplate);
  return compiled;
}

/** The JSON path of the first string holding `${` (a field left unbound), or undefined when there is none. */
export function findUnboundField(value: unknown, path = '$'): string | undefined {
  if (typeof value === 'string') return value.includes(BINDING_MARKER) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnboundField(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnboundField(key.includes(BINDING_MARKER) ? key : item, `${path}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Renders `cards/alert.json` with the card's data (adaptivecards-templating). Throws a `VigilError` with
 * code `CARD.UNBOUND_FIELD` when a `${…}` is left in the card: the data lacked a field the template binds.
 */
export function renderAlertCard(data: AlertCardData): AdaptiveCardJson {
  const card = template().expand({ $root: data }) as AdaptiveCardJson;
  const unbound = findUnboundField(card);
  if (unbound !== undefined) {
    throw new VigilError('CARD.UNBOUND_FIELD', 'The alert card could not be drawn.', {
      message: `The alert card left a field unbound at ${unbound}`,
      details: { card: 'alert', path: unbound },
    });
  }
  return card;
}
