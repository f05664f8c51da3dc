import type { AlertStatus } from '../../../domain/alerts/alert';
import type { Severity } from '../../../domain/alerts/severity';
import { type AlertsScope, readAlertsArgs } from '../../../domain/commands/read-alerts-args';
import { alertLine } from './alert-line';
import { commandSecurity, permitted } from './command-security';
import { withCommandArgs } from './read-command-args';
import { READ_REFUSED } from './read-refused';
import type { TeamsCommand } from './teams-command';

/** How many alerts `alerts` shows. */
export const ALERTS_SHOWN = 10;
/** How many matching alerts `alerts` counts at most, for "and N more". */
export const ALERTS_COUNTED = 200;

const OPEN_STATUSES: readonly AlertStatus[] = ['new', 'inProgress'];

/** "open alerts of medium severity or higher", "alerts". */
function described(scope: AlertsScope, severity: Severity | undefined): string {
  const which = scope === 'open' ? 'open alerts' : 'alerts';
  if (severity === undefined) return which;
  return `${which} of ${severity} severity${severity === 'high' ? '' : ' or higher'}`;
}

/** `alerts [severity] [open|all]` (everyone): the newest alerts Vigil stored, one line each. */
export const alertsCommand: TeamsCommand = {
  name: 'alerts',
  summary: 'alerts [severity] [open|all]: the newest 10 alerts in Vigil, open ones unless you say all',
  takesArguments: true,
  handle: ({ turn, services, args }) =>
    withCommandArgs(args, readAlertsArgs, async ({ severity, scope }) => {
      const security = commandSecurity(services);
      if (!(await permitted(security, turn.user, 'alert.read', { action: 'alert.read' })))
        return READ_REFUSED;
      const found = await services.store.repos.alerts.list({
        ...(scope === 'open' ? { statuses: OPEN_STATUSES } : {}),
        ...(severity === undefined ? {} : { minSeverity: severity }),
        limit: ALERTS_COUNTED + 1,
      });
      const what = described(scope, severity);
      if (found.length === 0) return `No ${what} in Vigil.`;
      const nowIso = new Date(services.clock.now()).toISOString();
      const shown = found.slice(0, ALERTS_SHOWN);
      const more = found.length - shown.length;
      const counted = found.length > ALERTS_COUNTED ? `over ${ALERTS_COUNTED - ALERTS_SHOWN}` : String(more);
      return [
        `The newest ${what}, newest first:`,
        '',
        ...shown.map((stored) => alertLine(stored.alert, nowIso)),
        ...(more > 0 ? ['', `…and ${counted} more — narrow with a severity (\`alerts high\`).`] : []),
        '',
        'Type `alert <id>` for one of them.',
      ].join('\n');
    }),
};
