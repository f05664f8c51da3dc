import { channelOf } from '../teams-channel-data';
import { actorOf, commandSecurity, permitted } from './command-security';
import type { TeamsCommand } from './teams-command';

/** `channel here` (admins): new alert cards go to the channel this is typed in. Audited, refusals too. */
export const channelHereCommand: TeamsCommand = {
  name: 'channel here',
  summary: 'post alert cards in this channel (admins only)',
  async handle({ turn, services }) {
    const channelId = channelOf(turn.activity);
    const security = commandSecurity(services);
    const allowed = await permitted(security, turn.user, 'channel.choose', {
      action: 'channel.choose',
      target: channelId ?? null,
    });
    if (!allowed) {
      turn.log.info({ aadObjectId: turn.user.aadObjectId }, 'channel here refused: not an admin');
      return 'Only a Vigil admin can choose the SOC channel. Ask an admin to type `channel here` in the channel where alert cards should go.';
    }
    if (channelId === undefined) {
      return 'Type `channel here` in the channel where alert cards should go (mentioning me there), not in a chat.';
    }
    await services.socChannel.set(channelId);
    await security.audit.record({
      tenantId: turn.user.tenantId,
      actor: actorOf(turn.user),
      action: 'channel.choose',
      target: channelId,
      outcome: 'succeeded',
    });
    turn.log.info({ channelId }, 'SOC channel chosen by an admin');
    return 'Done: new alert cards will be posted in this channel. Cards already posted stay in their threads.';
  },
};
