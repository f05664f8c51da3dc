import { type Activity, ActivityTypes, CardFactory } from 'botbuilder';
import type { TeamsMessage } from '../../services/ports/teams.port';

/**
 * The Bot Framework activity of a Vigil message: a card as an adaptive-card attachment, with its fallback
 * text as the `summary` (what notifications and clients that cannot draw cards show), or text (markdown,
 * or plain when it holds outside text).
 */
export function toBotActivity(message: TeamsMessage): Partial<Activity> {
  if (message.kind === 'text') {
    return {
      type: ActivityTypes.Message,
      text: message.text,
      textFormat: message.plain ? 'plain' : 'markdown',
    };
  }
  return {
    type: ActivityTypes.Message,
    attachments: [CardFactory.adaptiveCard(message.card)],
    summary: message.fallbackText,
  };
}
