import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationRecord } from '../../services/ports/store.port';
import { channelDataOf, channelOf, tenantOf } from './teams-channel-data';

/** What kind of conversation an activity comes from. */
function kindOf(activity: Partial<Activity>): ConversationRecord['kind'] {
  if (channelOf(activity) !== undefined) return 'channel';
  const type = activity.conversation?.conversationType;
  if (type === 'groupChat' || (type !== 'personal' && activity.conversation?.isGroup)) return 'groupChat';
  return 'personal';
}

/** A reference as plain JSON (no undefined fields), addressed to `conversationId`, tied to no activity. */
function referenceFor(activity: Partial<Activity>, conversationId: string): Record<string, unknown> {
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
  const addressed = {
    ...reference,
    activityId: undefined,
    conversation: { ...reference.conversation, id: conversationId },
  };
  return JSON.parse(JSON.stringify(addressed)) as Record<string, unknown>;
}

/**
 * The conversation an incoming activity belongs to, as Vigil stores it: a channel by its channel id (a
 * thread's messages, and the channel's own install, all land on the channel), a chat by its id, with a
 * fresh conversation reference (its service URL is regional and may move).
 */
export function toConversationRecord(activity: Partial<Activity>, nowIso: string): ConversationRecord {
  const data = channelDataOf(activity);
  const kind = kindOf(activity);
  const id = (kind === 'channel' ? channelOf(activity) : undefined) ?? activity.conversation?.id ?? '';
  const name = kind === 'channel' ? data.channel?.name : activity.conversation?.name;
  return {
    id,
    kind,
    tenantId: tenantOf(activity),
    ...(data.team?.id ? { teamId: data.team.id } : {}),
    ...(name ? { name } : {}),
    reference: referenceFor(activity, id),
    updatedAt: nowIso,
  };
}

/** The same conversation's record for another channel of its team (same service URL, tenant and bot). */
export function toSiblingChannelRecord(
  record: ConversationRecord,
  channel: { id: string; name?: string },
): ConversationRecord {
  const conversation = { ...(record.reference.conversation as Record<string, unknown>), id: channel.id };
  return {
    ...record,
    id: channel.id,
    kind: 'channel',
    ...(channel.name ? { name: channel.name } : {}),
    reference: { ...record.reference, conversation },
  };
}
