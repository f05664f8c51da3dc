import { describeAction } from '../../../domain/actions/describe-action';
import type { Alert } from '../../../domain/alerts/alert';
import { formatCardTimeWithAge } from '../../../domain/cards/format-card-time';
import { humanizeName } from '../../../domain/cards/humanize-name';
import { severityLook } from '../../../domain/cards/severity-look';
import { readAlertArgs } from '../../../domain/commands/read-alert-args';
import { commandSecurity, permitted } from './command-security';
import { codeSpan, escapeMarkdown } from './markdown-text';
import { withCommandArgs } from './read-command-args';
import { READ_REFUSED } from './read-refused';
import type { TeamsCommand } from './teams-command';

/** How many response actions `alert` shows. */
export const ALERT_ACTIONS_SHOWN = 3;

const SOURCES: Readonly<Record<Alert['source'], string>> = {
  mde: 'Defender for Endpoint',
  mcas: 'Defender for Cloud Apps',
};

/** The alert's main facts, one markdown bullet each; outside text escaped. */
export function alertFacts(alert: Alert, nowIso: string): string[] {
  const status = [
    humanizeName(alert.status),
    ...(alert.assignedTo ? [`assigned to ${escapeMarkdown(alert.assignedTo)}`] : []),
    ...(alert.classification ? [`classified ${humanizeName(alert.classification)}`] : []),
  ].join(', ');
  const user = alert.user?.upn ?? alert.user?.name;
  return [
    `- Alert: ${codeSpan(alert.id)} from ${SOURCES[alert.source] ?? escapeMarkdown(alert.source)}`,
    `- Severity: ${severityLook(alert.severity).label}; status: ${status}`,
    ...(alert.machine
      ? [`- Machine: ${escapeMarkdown(alert.machine.name)} (${codeSpan(alert.machine.id)})`]
      : []),
    ...(user ? [`- User: ${escapeMarkdown(user)}`] : []),
    `- Category: ${escapeMarkdown(humanizeName(alert.category))}; detected by ${escapeMarkdown(alert.detectionSource)}`,
    ...(alert.threatName ? [`- Threat: ${escapeMarkdown(alert.threatName)}`] : []),
    `- Created: ${formatCardTimeWithAge(alert.createdAt, nowIso)}`,
    ...(alert.incidentId ? [`- Incident: ${codeSpan(alert.incidentId)}`] : []),
  ];
}

/** `alert <id>` (everyone): an alert Vigil stored, its main facts and its last response actions. */
export const alertCommand: TeamsCommand = {
  name: 'alert',
  summary: "alert id: an alert's main facts and its last 3 response actions",
  takesArguments: true,
  handle: ({ turn, services, args }) =>
    withCommandArgs(args, readAlertArgs, async ({ alertId }) => {
      const security = commandSecurity(services);
      if (!(await permitted(security, turn.user, 'alert.read', { action: 'alert.read', target: alertId }))) {
        return READ_REFUSED;
      }
      const stored = await services.store.repos.alerts.get(alertId);
      if (stored === undefined) {
        return `Vigil does not know alert ${codeSpan(alertId)}. Type \`alerts\` to see the ones it knows.`;
      }
      const { alert } = stored;
      const actions = await services.store.repos.actions.list({ alertId, limit: ALERT_ACTIONS_SHOWN });
      const nowIso = new Date(services.clock.now()).toISOString();
      return [
        `**${escapeMarkdown(alert.title)}**`,
        '',
        ...alertFacts(alert, nowIso),
        '',
        ...(actions.length === 0
          ? ['No response actions on it yet.']
          : [
              'Last response actions, newest first:',
              ...actions.map((action) => `- ${escapeMarkdown(describeAction(action).text)}`),
            ]),
      ].join('\n');
    }),
};
