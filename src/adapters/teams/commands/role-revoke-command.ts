import { commandSecurity, permitted, personOf } from './command-security';
import { resolveUserArgument } from './resolve-user-argument';
import { roleChangeAnswer } from './role-change-answer';
import type { TeamsCommand } from './teams-command';

/** `role revoke <user>` (admins): takes a user's granted role away, leaving them a viewer. */
export const roleRevokeCommand: TeamsCommand = {
  name: 'role revoke',
  summary: 'role revoke @user: make someone a viewer again (admins only)',
  takesArguments: true,
  async handle({ turn, services, args }) {
    const security = commandSecurity(services);
    if (!(await permitted(security, turn.user, 'role.manage', { action: 'role.revoke' }))) {
      return roleChangeAnswer({ ok: false, reason: 'not-admin' }, '');
    }
    const user = resolveUserArgument(args, turn.activity);
    if (!user.ok) return `${user.message}\n\nType \`role revoke @Name\` (or an Entra object id).`;
    if (user.rest !== '') return 'Type `role revoke @Name` with nothing after the name.';
    const change = await security.roles.revoke(personOf(turn.user), user.aadObjectId);
    turn.log.info({ target: user.aadObjectId, ok: change.ok }, 'role revoke');
    return roleChangeAnswer(change, user.label);
  },
};
