import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Mode } from '../../config/load-config';
import { describeError } from '../../services/outbox/describe-error';
import type { ConversationRecord, ConversationRepository } from '../../services/ports/store.port';
import type { SocChannel } from '../../services/teams/soc-channel';
import { channelDataOf } from './teams-channel-data';
import { toSiblingChannelRecord } from './to-conversation-record';
import type { Turn } from './turn';

/** A channel of a team, as Teams lists it (General has no name). */
export interface TeamChannel {
  readonly id: string;
  readonly name?: string;
}

/** What remembering an installation uses. */
export interface InstallationDeps {
  readonly conversations: ConversationRepository;
  readonly socChannel: SocChannel;
  readonly mode: Mode;
  /** Lists a team's channels. Default: `TeamsInfo.getTeamChannels` (a connector call in the turn). */
  readonly listTeamChannels?: (ctx: TurnContext, teamId: string) => Promise<TeamChannel[]>;
}

async function defaultListTeamChannels(ctx: TurnContext, teamId: string): Promise<TeamChannel[]> {
  const channels = await TeamsInfo.getTeamChannels(ctx, teamId);
  return channels.flatMap((c) => (c.id ? [{ id: c.id, ...(c.name ? { name: c.name } : {}) }] : []));
}

/**
 * When the SOC channel (say, `SOC_CHANNEL_ID`) is a channel of this team Vigil has no reference for yet,
 * stores a record for every channel of the team, so the outbox can post there. A failure is logged only.
 */
async function rememberTeamChannels(
  ctx: TurnContext,
  record: ConversationRecord,
  deps: InstallationDeps,
  turn: Turn,
) {
  const soc = await deps.socChannel.get();
  if (soc === undefined || record.teamId === undefined || (await deps.conversations.get(soc))) return;
  try {
    const channels = await (deps.listTeamChannels ?? defaultListTeamChannels)(ctx, record.teamId);
    for (const channel of channels) {
      if (channel.id !== record.id) await deps.conversations.upsert(toSiblingChannelRecord(record, channel));
    }
    turn.log.info(
      { teamId: record.teamId, found: channels.some((c) => c.id === soc) },
      'Team channels stored',
    );
  } catch (error) {
    turn.log.warn({ teamId: record.teamId, error: describeError(error) }, 'Could not list the team channels');
  }
}

/**
 * Vigil was added to a team (or a chat). The conversation itself is already stored; a channel picked in
 * the install dialog is stored too. In demo mode, the channel becomes the SOC channel unless one is
 * chosen already. A configured `SOC_CHANNEL_ID` is never written to the settings, so changing it later
 * still takes effect; an admin's `channel here` wins over it.
 */
export async function rememberInstallation(
  ctx: TurnContext,
  record: ConversationRecord,
  deps: InstallationDeps,
  turn: Turn,
): Promise<void> {
  if (record.kind !== 'channel') {
    turn.log.info({ conversationKind: record.kind }, 'Vigil installed in a chat');
    return;
  }
  const selected = channelDataOf(ctx.activity).settings?.selectedChannel;
  if (selected?.id && selected.id !== record.id) {
    await deps.conversations.upsert(
      toSiblingChannelRecord(record, { id: selected.id, ...(selected.name ? { name: selected.name } : {}) }),
    );
  }
  const channelId = selected?.id || record.id;
  if (deps.mode === 'demo' && (await deps.socChannel.get()) === undefined) {
    await deps.socChannel.set(channelId);
    turn.log.info({ channelId }, 'Demo mode: the channel Vigil was installed in is the SOC channel');
  }
  await rememberTeamChannels(ctx, record, deps, turn);
  const soc = await deps.socChannel.get();
  // Teams sends both an installationUpdate and a conversationUpdate for one install: log it once.
  const log = ctx.activity.type === 'installationUpdate' ? turn.log.info : turn.log.debug;
  log.call(
    turn.log,
    { channelId, teamId: record.teamId, isSocChannel: soc === channelId },
    'Vigil installed in a team',
  );
}
