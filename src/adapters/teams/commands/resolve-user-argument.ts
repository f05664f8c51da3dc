import type { Activity } from 'botbuilder';
import { parseEntraObjectId } from '../../../domain/roles/entra-object-id';

/** A user named in a command, by Entra object id, and the words after it. */
export type ResolvedUser =
  | { readonly ok: true; readonly aadObjectId: string; readonly label: string; readonly rest: string }
  | { readonly ok: false; readonly message: string };

interface MentionEntity {
  readonly type?: string;
  readonly text?: string;
  readonly mentioned?: { readonly id?: string; readonly name?: string; readonly aadObjectId?: string };
}

const MENTION = /^<at>(.*?)<\/at>/i;

/**
 * The user a command's arguments start with: an Entra object id, or a mention (`<at>Name</at>`) whose
 * mention entity carries the user's `aadObjectId` (or an object id as its `id`). Never a display name:
 * a name typed without a mention, or a mention Vigil cannot tie to an object id, is not resolved.
 */
export function resolveUserArgument(args: string, activity: Activity): ResolvedUser {
  const mention = MENTION.exec(args);
  if (mention !== null) {
    const rest = args.slice(mention[0].length).trim();
    const entity = mentionEntities(activity).find((candidate) => candidate.text === mention[0]);
    const id =
      entity?.mentioned?.aadObjectId !== undefined
        ? parseEntraObjectId(entity.mentioned.aadObjectId)
        : parseEntraObjectId(entity?.mentioned?.id ?? '');
    if (id === undefined) {
      return {
        ok: false,
        message: `I could not tell which Entra account ${mention[0].replace(/<\/?at>/gi, '')} is. Use their Entra object id (a GUID) instead.`,
      };
    }
    return { ok: true, aadObjectId: id, label: mention[1] || id, rest };
  }
  const [first = '', ...others] = args.split(' ');
  const id = parseEntraObjectId(first);
  if (id === undefined) {
    return {
      ok: false,
      message:
        first === ''
          ? 'Whose role? Mention the person (@Name) or give their Entra object id.'
          : `"${first}" is not a mention or an Entra object id. Mention the person (@Name) or give their Entra object id: Vigil never goes by display names.`,
    };
  }
  return { ok: true, aadObjectId: id, label: id, rest: others.join(' ') };
}

function mentionEntities(activity: Activity): MentionEntity[] {
  return (activity.entities ?? []).filter(
    (entity): entity is MentionEntity & { type: 'mention' } =>
      (entity as MentionEntity).type === 'mention' &&
      (entity as MentionEntity).mentioned?.id !== activity.recipient?.id,
  );
}
