import { channelOf } from '../teams-channel-data';
import type { TeamsCommand } from './teams-command';

/** `channel here` (admins): new alert cards go to the channel this is typed in. */
export const channelHereCommand: TeamsCommand = {
  name: 'channel here',
  summary: 'post alert cards in this channel (admins only)',
  async handle({ turn, services }) {
    if (!services.isAdmin(turn.user)) {
      turn.log.info({ aadObjectId: turn.user.aadObjectId }, 'channel here refused: not an admin');
      return 'Only a Vigil admin can choose the SOC channel. Ask an admin to type `channel here` in the channel where alert cards should go.';
    }
    const channelId = channelOf(turn.activity);
    if (channelId === undefined) {
      return 'Type `channel here` in the channel where alert cards should go (mentioning me there), not in a chat.';
    }
    await services.socChannel.set(channelId);
    turn.log.info({ channelId }, 'SOC channel chosen by an admin');
    return 'Done: new alert cards will be posted in this channel. Cards already posted stay in their threads.';
  },
};
