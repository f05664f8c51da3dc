import type { AlertClassification } from '../alerts/alert';
import type { CardTone } from '../cards/alert-card-data';
import { formatCardClock } from '../cards/format-card-time';
import { humanizeName } from '../cards/humanize-name';
import type { ResponseAction } from './response-action';

/** A line about an action: what the card's status shows, or what the thread is told. */
export interface ActionLine {
  readonly text: string;
  readonly tone: CardTone;
}

/** "ws-042" of "ws-042.contoso.com"; the id when the name is unknown. */
function shortName(action: Pick<ResponseAction, 'machineName' | 'machineId'>): string {
  const name = action.machineName ?? action.machineId ?? 'the machine';
  return name.split('.')[0] || name;
}

/** How a classification reads in a sentence. */
const CLASSIFICATION_WORDS: Readonly<Record<AlertClassification, string>> = {
  truePositive: 'true positive',
  falsePositive: 'false positive',
  informationalExpectedActivity: 'informational, expected activity',
};

/** "Full isolation of ws-042", "Quick antivirus scan of ws-042", "Resolution as true positive". */
export function actionTitle(action: ResponseAction): string {
  const machine = shortName(action);
  switch (action.kind) {
    case 'isolate':
      return `${action.params.isolationType ?? 'Full'} isolation of ${machine}`;
    case 'unisolate':
      return `Release of ${machine} from isolation`;
    case 'scan':
      return `${action.params.scanType ?? 'Quick'} antivirus scan of ${machine}`;
    case 'resolve':
      return action.params.classification
        ? `Resolution as ${CLASSIFICATION_WORDS[action.params.classification]}`
        : 'Resolution';
    case 'assign':
      return `Assignment to ${action.params.assignee ?? 'an analyst'}`;
  }
}

/**
 * "by Megan Bowen at 20:41 UTC" (a rule: "by rule High sev isolate at …"), and who approved it once
 * someone did: "…, approved by Alex Wilber".
 */
function requested(action: ResponseAction): string {
  const who = action.origin === 'rule' ? `rule ${action.requestedBy.name}` : action.requestedBy.name;
  const decided = action.approval?.decidedBy;
  const approved =
    decided && action.state !== 'rejected' ? `, approved by ${decided.name || 'a second responder'}` : '';
  return `by ${who || 'someone'} at ${formatCardClock(action.requestedAt)}${approved}`;
}

function finishedAt(action: ResponseAction): string {
  return action.finishedAt ? ` at ${formatCardClock(action.finishedAt)}` : '';
}

/**
 * The card's status line of an action, following it from the request to its end:
 * "⏳ Full isolation of ws-042 requested by Megan Bowen at 20:41 UTC · Defender: Pending", then
 * "✅ Full isolation of ws-042 succeeded at 20:42 UTC (requested by Megan Bowen at 20:41 UTC)".
 */
export function describeAction(action: ResponseAction): ActionLine {
  const title = actionTitle(action);
  const by = requested(action);
  const note = action.outcomeNote ? `: ${action.outcomeNote}` : '';
  const aside = action.outcomeNote ? ` (${action.outcomeNote})` : '';
  switch (action.state) {
    case 'awaitingApproval': {
      // The expiry first: the card cuts long lines, and when it runs out matters more than why.
      const until = action.approval ? ` by ${formatCardClock(action.approval.expiresAt)}` : '';
      const why = action.approval ? `; ${action.approval.reason}` : '';
      return {
        text: `🔐 ${title} needs a second responder's approval${until} (requested ${by}${why})`,
        tone: 'warning',
      };
    }
    case 'queued':
    case 'sending':
      return {
        text: `⏳ ${title} requested ${by} · sending to Defender${aside}`,
        tone: 'default',
      };
    case 'inProgress':
      return {
        text: `⏳ ${title} requested ${by} · Defender: ${humanizeName(action.defenderStatus ?? 'Pending')}${aside}`,
        tone: 'default',
      };
    case 'succeeded':
      return { text: `✅ ${title} succeeded${finishedAt(action)} (requested ${by})`, tone: 'good' };
    case 'failed':
      return { text: `❌ ${title} failed${finishedAt(action)}${note} (requested ${by})`, tone: 'attention' };
    case 'timeOut':
      return {
        text: `❌ ${title} timed out${action.outcomeNote ? `${finishedAt(action)}${note}` : ` in Defender${finishedAt(action)}`} (requested ${by})`,
        tone: 'attention',
      };
    case 'cancelled':
      return { text: `⛔ ${title} was cancelled in Defender${note} (requested ${by})`, tone: 'warning' };
    case 'rejected':
      return {
        text: `⛔ ${title} was rejected${action.outcomeNote ? ` ${action.outcomeNote}` : ''} (requested ${by})`,
        tone: 'warning',
      };
    case 'expired':
      return { text: `⌛ ${title} expired: nobody approved it in time (requested ${by})`, tone: 'warning' };
    case 'skipped':
      return { text: `ℹ️ ${title} not sent${note} (requested ${by})`, tone: 'default' };
  }
}
