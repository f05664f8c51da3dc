import { parseRole, ROLES } from '../../../domain/roles/role';
import { commandSecurity, permitted, personOf } from './command-security';
import { resolveUserArgument } from './resolve-user-argument';
import { roleChangeAnswer } from './role-change-answer';
import type { TeamsCommand } from './teams-command';

const USAGE = `Type \`role grant @Name ${ROLES.join('|')}\` (or an Entra object id instead of @Name).`;

/** `role grant <user> <role>` (admins): gives a mentioned user, or an Entra object id, a role. */
export const roleGrantCommand: TeamsCommand = {
  name: 'role grant',
  summary: 'role grant @user viewer|responder|admin: give someone a role (admins only)',
  takesArguments: true,
  async handle({ turn, services, args }) {
    const security = commandSecurity(services);
    if (!(await permitted(security, turn.user, 'role.manage', { action: 'role.grant' }))) {
      return roleChangeAnswer({ ok: false, reason: 'not-admin' }, '');
    }
    const user = resolveUserArgument(args, turn.activity);
    if (!user.ok) return `${user.message}\n\n${USAGE}`;
    const role = parseRole(user.rest);
    if (role === undefined) return `Which role? ${USAGE}`;
    const change = await security.roles.grant(personOf(turn.user), user.aadObjectId, role);
    turn.log.info({ target: user.aadObjectId, role, ok: change.ok }, 'role grant');
    return roleChangeAnswer(change, user.label);
  },
};
