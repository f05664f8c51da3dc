import { commandSecurity, personOf } from './command-security';
import { aRole } from './role-change-answer';
import type { TeamsCommand } from './teams-command';

/** `roles` (everyone): the roles granted in this tenant, and the speaker's own. */
export const rolesCommand: TeamsCommand = {
  name: 'roles',
  summary: 'show who has which role; everyone else is a viewer',
  async handle({ turn, services }) {
    const { roles } = commandSecurity(services);
    const mine = await roles.roleOf(personOf(turn.user));
    const grants = await roles.list(turn.user.tenantId);
    const lines = grants.map(
      (grant) =>
        `- ${grant.role}: \`${grant.aadObjectId}\` (granted by \`${grant.grantedBy}\`, ${grant.grantedAt})`,
    );
    return [
      `You are ${aRole(mine)} in Vigil.`,
      '',
      ...(lines.length === 0
        ? [
            'No roles are granted yet: only the admins from configuration are admins (VIGIL_ADMINS; in demo mode also the playground user at the keyboard).',
          ]
        : ['Granted roles:', ...lines]),
      '',
      'Admins from configuration are admins whatever this list says. Anyone else is a viewer.',
    ].join('\n');
  },
};
