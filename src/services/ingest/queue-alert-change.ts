import type { Alert } from '../../domain/alerts/alert';
import { significantChanges } from '../../domain/alerts/diff-alert';
import type { StoreTx } from '../ports/store.port';

/**
 * Queues what a changed alert that already has a card needs, inside the caller's transaction: an update
 * of its group's card (coalesced by the outbox) and, when the group's own (root) alert changed
 * significantly, a short reply in the thread. Changes to the other alerts of a storm only update the
 * card: a bulk resolve of 2,000 folded alerts must not post 2,000 replies. Returns the reply lines.
 */
export async function queueAlertChange(
  tx: StoreTx,
  groupId: string,
  previous: Alert,
  next: Alert,
  now: string,
): Promise<readonly string[]> {
  await tx.outbox.enqueue({ kind: 'updateCard', groupId, at: now });
  const lines = significantChanges(previous, next);
  if (lines.length === 0) return [];
  const group = await tx.folds.get(groupId);
  if (group !== undefined && group.rootAlertId !== next.id) return [];
  await tx.outbox.enqueue({
    kind: 'reply',
    groupId,
    payload: { text: lines.join('\n'), alertId: next.id },
    at: now,
  });
  return lines;
}
