import type { Activity } from 'botbuilder';

/** The parts of Teams' `channelData` Vigil reads. Every field may be absent. */
export interface TeamsChannelData {
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string; readonly name?: string };
  readonly channel?: { readonly id?: string; readonly name?: string };
  readonly settings?: { readonly selectedChannel?: { readonly id?: string; readonly name?: string } };
  readonly eventType?: string;
}

const THREAD_MARKER = ';messageid=';

/** The activity's Teams `channelData`, or an empty one. */
export function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  const data = activity.channelData as unknown;
  return typeof data === 'object' && data !== null ? (data as TeamsChannelData) : {};
}

/** The tenant the activity comes from: `conversation.tenantId`, else `channelData.tenant.id`, else ''. */
export function tenantOf(activity: Partial<Activity>): string {
  return activity.conversation?.tenantId || channelDataOf(activity).tenant?.id || '';
}

/**
 * The channel a channel activity belongs to: `channelData.channel.id`, else the conversation id without
 * its thread part (`19:…@thread.tacv2;messageid=…` → `19:…@thread.tacv2`). Undefined outside channels.
 */
export function channelOf(activity: Partial<Activity>): string | undefined {
  const fromData = channelDataOf(activity).channel?.id;
  if (fromData) return fromData;
  const id = activity.conversation?.id ?? '';
  if (activity.conversation?.conversationType !== 'channel' || id === '') return undefined;
  const cut = id.indexOf(THREAD_MARKER);
  return cut === -1 ? id : id.slice(0, cut);
}
