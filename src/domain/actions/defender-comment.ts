import type { ResponseAction } from './response-action';

/** The longest comment Vigil sends; MDE keeps comments of a few thousand characters. */
export const DEFENDER_COMMENT_LIMIT = 1000;

const VERBS_PAST = {
  isolate: 'Isolated',
  unisolate: 'Isolation lifted',
  scan: 'Antivirus scan',
  resolve: 'Resolved',
  assign: 'Assigned',
} as const;

/** C0 and C1 control characters (and DEL), which a one-line comment has no use for. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The comment Defender keeps with the action, naming who asked, from where and for which alert, e.g.
 * "Isolated from Teams by Megan Bowen (alert da6371…): ransomware note found". A rule's action says
 * "by rule <name>"; an approved request names its approver too ("…by Megan Bowen, approved by Alex
 * Wilber (alert …)"). Cut to `DEFENDER_COMMENT_LIMIT` characters.
 */
export function defenderComment(
  action: Pick<ResponseAction, 'kind' | 'origin' | 'requestedBy' | 'alertId' | 'params' | 'approval'>,
): string {
  const who = oneLine(action.requestedBy.name) || (action.origin === 'rule' ? 'unnamed' : 'an analyst');
  const how =
    action.kind === 'scan' && action.params.scanType ? ` (${action.params.scanType.toLowerCase()})` : '';
  const approver = action.approval?.decidedBy ? oneLine(action.approval.decidedBy.name) : '';
  const approved = approver ? `, approved by ${approver}` : '';
  const from = `${action.origin === 'rule' ? `by Vigil rule "${who}"` : `from Teams by ${who}`}${approved}`;
  const said = oneLine(action.params.reason ?? action.params.comment ?? '');
  const to =
    action.kind === 'assign' && action.params.assignee ? ` to ${oneLine(action.params.assignee)}` : '';
  const text = `${VERBS_PAST[action.kind]}${how}${to} ${from} (alert ${action.alertId})${said ? `: ${said}` : ''}`;
  if (text.length <= DEFENDER_COMMENT_LIMIT) return text;
  const kept = text.slice(0, DEFENDER_COMMENT_LIMIT - 1);
  // Never leave half of a two-unit character (an emoji) before the ellipsis.
  return `${/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept}…`;
}
