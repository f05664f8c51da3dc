import { type ActionLine, describeAction } from '../actions/describe-action';
import type { ResponseAction } from '../actions/response-action';
import type { CardStatusLine, CardTone } from './alert-card-data';
import { CARD_LIMITS } from './card-limits';
import { cardText } from './card-text';

const TONE_LOOKS: Readonly<Record<CardTone, Omit<CardStatusLine, 'text'>>> = {
  good: { style: 'good', color: 'good' },
  warning: { style: 'warning', color: 'warning' },
  attention: { style: 'attention', color: 'attention' },
  default: { style: 'emphasis', color: 'default' },
};

/** One status line: the text cleaned and cut, the tone as a container style and a text colour. */
export function toStatusLine(line: ActionLine): CardStatusLine {
  const look = Object.hasOwn(TONE_LOOKS, line.tone) ? TONE_LOOKS[line.tone] : TONE_LOOKS.default;
  return { text: cardText(line.text, CARD_LIMITS.status) || '—', ...look };
}

/**
 * The card's status lines: one per response action (given newest first), in that order, at most
 * `CARD_LIMITS.statusLines`, each worded by `describeAction`. An action in a state `describeAction` does
 * not know is left out.
 */
export function toStatusLines(actions: readonly ResponseAction[]): CardStatusLine[] {
  const lines: CardStatusLine[] = [];
  for (const action of actions) {
    if (lines.length === CARD_LIMITS.statusLines) break;
    const line: ActionLine | undefined = describeAction(action);
    if (line !== undefined) lines.push(toStatusLine(line));
  }
  return lines;
}
