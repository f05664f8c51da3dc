import { cardText } from '../cards/card-text';
import { humanizeName } from '../cards/humanize-name';
import type { Alert, AlertClassification, AlertComment, AlertStatus } from './alert';
import { compareSeverity, type Severity } from './severity';

/** Which alerts get a card: at least `minSeverity`, and in one of `statuses` (an empty list admits none). */
export interface AlertFilters {
  readonly minSeverity: Severity;
  readonly statuses: readonly AlertStatus[];
}

/** True when the alert is severe enough and in a status that is posted. */
export function passesFilters(alert: Pick<Alert, 'severity' | 'status'>, filters: AlertFilters): boolean {
  return compareSeverity(alert.severity, filters.minSeverity) >= 0 && filters.statuses.includes(alert.status);
}

/** The longest a name or a comment may be in a change line (longer ones end with "…"). */
const NAME_COST = 120;
const COMMENT_COST = 200;
/** From this many new comments on, they are counted instead of quoted. */
const QUOTED_COMMENTS = 3;

const STATUS_WORDS: Readonly<Record<AlertStatus, string>> = {
  new: 'New',
  inProgress: 'In progress',
  resolved: 'Resolved',
};

const CLASSIFICATION_WORDS: Readonly<Record<AlertClassification, string>> = {
  truePositive: 'true positive',
  falsePositive: 'false positive',
  informationalExpectedActivity: 'informational, expected activity',
};

const name = (text: string) => cardText(text, NAME_COST);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function statusChange(previous: Alert, next: Alert): string | undefined {
  if (previous.status === next.status) return undefined;
  return `Status: ${STATUS_WORDS[previous.status]} → ${STATUS_WORDS[next.status]}`;
}

function assigneeChange(previous: Alert, next: Alert): string | undefined {
  const before = previous.assignedTo?.trim() || undefined;
  const after = next.assignedTo?.trim() || undefined;
  if (before?.toLowerCase() === after?.toLowerCase()) return undefined;
  if (after === undefined) return `Unassigned (was ${name(before ?? '')})`;
  if (before === undefined) return `Assigned to ${name(after)}`;
  return `Reassigned from ${name(before)} to ${name(after)}`;
}

function classificationChange(previous: Alert, next: Alert): string | undefined {
  const sameClass = previous.classification === next.classification;
  if (sameClass && (previous.determination ?? '') === (next.determination ?? '')) return undefined;
  const determination = next.determination ? name(humanizeName(next.determination)) : undefined;
  if (next.classification === undefined) {
    return determination === undefined ? 'Classification cleared' : `Determination: ${determination}`;
  }
  const why = determination === undefined ? '' : ` (${determination})`;
  return `Classified as ${CLASSIFICATION_WORDS[next.classification]}${why}`;
}

function severityChange(previous: Alert, next: Alert): string | undefined {
  const order = compareSeverity(next.severity, previous.severity);
  if (order === 0) return undefined;
  const way = order > 0 ? 'raised' : 'lowered';
  return `Severity ${way}: ${humanizeName(previous.severity)} → ${humanizeName(next.severity)}`;
}

function evidenceChange(previous: Alert, next: Alert): string | undefined {
  const added = next.evidence.length - previous.evidence.length;
  if (added <= 0) return undefined;
  return `${plural(added, 'new piece', 'new pieces')} of evidence (${next.evidence.length} in all)`;
}

const commentKey = (comment: AlertComment) => `${comment.createdAt}\u0000${comment.text}`;

function commentChanges(previous: Alert, next: Alert): string[] {
  const known = new Set(previous.comments.map(commentKey));
  const added = next.comments.filter((comment) => !known.has(commentKey(comment)));
  if (added.length >= QUOTED_COMMENTS) return [`${plural(added.length, 'new comment', 'new comments')}`];
  return added.map((comment) => {
    const by = comment.createdBy ? ` by ${name(comment.createdBy)}` : '';
    return `Comment${by}: “${cardText(comment.text, COMMENT_COST)}”`;
  });
}

/**
 * The changes between two versions of an alert that deserve a word in its thread, as short lines
 * (status, assignee, classification and determination, severity, new evidence, new comments). Empty when
 * nothing significant changed (for instance only `updatedAt` or the description). Text from outside is
 * cleaned and cut as for a card.
 */
export function significantChanges(previous: Alert, next: Alert): string[] {
  const lines = [
    statusChange(previous, next),
    assigneeChange(previous, next),
    classificationChange(previous, next),
    severityChange(previous, next),
    evidenceChange(previous, next),
  ].filter((line): line is string => line !== undefined);
  return [...lines, ...commentChanges(previous, next)];
}
