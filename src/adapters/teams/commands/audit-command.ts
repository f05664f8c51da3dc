import type { AuditEntry } from '../../../domain/audit/audit-entry';
import { actorOf, commandSecurity, permitted } from './command-security';
import type { TeamsCommand } from './teams-command';

/** How many entries `audit` shows. */
export const AUDIT_COMMAND_LIMIT = 20;

/** `audit [alertId]` (responders and admins): the newest audit entries, or those about one alert. */
export const auditCommand: TeamsCommand = {
  name: 'audit',
  summary: 'audit [alertId]: the last 20 audit entries, or those about one alert (responders, admins)',
  takesArguments: true,
  async handle({ turn, services, args }) {
    const target = args === '' ? undefined : args;
    if (target?.includes(' ')) return 'Type `audit` or `audit <alertId>` (one alert id).';
    const security = commandSecurity(services);
    if (!(await permitted(security, turn.user, 'audit.read', { action: 'audit.read', target }))) {
      return 'Sorry, the audit log is for responders and admins. Ask an admin for a role (type `roles` to see who).';
    }
    const entries = await security.audit.recent({
      limit: AUDIT_COMMAND_LIMIT,
      ...(target === undefined ? {} : { target }),
    });
    await security.audit.record({
      tenantId: turn.user.tenantId,
      actor: actorOf(turn.user),
      action: 'audit.read',
      target: target ?? null,
      outcome: 'succeeded',
      details: { shown: entries.length },
    });
    if (entries.length === 0) {
      return target === undefined ? 'The audit log is empty.' : `Nothing in the audit log about ${target}.`;
    }
    const heading =
      target === undefined
        ? `The last ${entries.length} audit entries, newest first:`
        : `The last ${entries.length} audit entries about ${target}, newest first:`;
    return [heading, '', ...entries.map(auditLine)].join('\n');
  },
};

/** One entry on one line: number, time, who, what, on what, and how it ended. */
export function auditLine(entry: AuditEntry): string {
  const who = entry.actor.name || entry.actor.aadObjectId || 'someone';
  const on = entry.target === null ? '' : ` ${entry.target}`;
  const why = typeof entry.details.reason === 'string' ? ` (${entry.details.reason})` : '';
  return `- #${entry.id} ${entry.at} · ${who} · ${entry.action}${on} · ${entry.outcome}${why}`;
}
