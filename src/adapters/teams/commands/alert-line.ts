import type { Alert } from '../../../domain/alerts/alert';
import { formatAge } from '../../../domain/cards/format-card-time';
import { severityLook } from '../../../domain/cards/severity-look';
import { codeSpan, escapeMarkdown } from './markdown-text';

/** "🔴" of "🔴 High". */
export function severityEmoji(alert: Pick<Alert, 'severity'>): string {
  return severityLook(alert.severity).label.split(' ')[0] ?? '';
}

/** Where an alert happened, for one line: its machine, else its user, else a dash. */
function whereOf(alert: Alert): string {
  const where = alert.machine?.name ?? alert.user?.upn ?? alert.user?.name;
  return where === undefined || where === '' ? '—' : escapeMarkdown(where);
}

/**
 * An alert on one markdown line: "- 🔴 Title · ws-042 · 3 h ago · `da637…`", and "· resolved" when it
 * is. Outside text is escaped.
 */
export function alertLine(alert: Alert, nowIso: string): string {
  const age = formatAge(alert.createdAt, nowIso) ?? alert.createdAt;
  const resolved = alert.status === 'resolved' ? ' · resolved' : '';
  return `- ${severityEmoji(alert)} ${escapeMarkdown(alert.title)} · ${whereOf(alert)} · ${escapeMarkdown(age)} · ${codeSpan(alert.id)}${resolved}`;
}
