import type { AlertCardData } from '../../domain/cards/alert-card-data';
import type { CardJson } from './teams.port';

/** Turns card data into an adaptive card (the templates live outside the services). */
export interface CardRenderer {
  renderAlertCard(data: AlertCardData): CardJson;
}
