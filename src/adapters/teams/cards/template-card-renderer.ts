import type { AlertCardData } from '../../../domain/cards/alert-card-data';
import type { CardRenderer } from '../../../services/ports/card-renderer.port';
import { renderAlertCard } from './render-alert-card';

/** The `CardRenderer` of the services: Vigil's JSON templates (`cards/*.json`) with adaptivecards-templating. */
export const templateCardRenderer: CardRenderer = Object.freeze({
  renderAlertCard: (data: AlertCardData) => renderAlertCard(data),
});
