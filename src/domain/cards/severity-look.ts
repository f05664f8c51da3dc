import type { Severity } from '../alerts/severity';
import type { CardSeverityLook } from './alert-card-data';

const LOOKS: Readonly<Record<Severity, CardSeverityLook>> = {
  high: { label: '🔴 High', style: 'attention', color: 'attention' },
  medium: { label: '🟠 Medium', style: 'warning', color: 'warning' },
  low: { label: '🔵 Low', style: 'accent', color: 'accent' },
  informational: { label: '⚪ Informational', style: 'emphasis', color: 'default' },
};

/** How a severity looks on a card at a glance: High → red header (`attention`) and "🔴 High". */
export function severityLook(severity: Severity): CardSeverityLook {
  return Object.hasOwn(LOOKS, severity) ? LOOKS[severity] : LOOKS.informational;
}
