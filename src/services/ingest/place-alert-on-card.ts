import type { Alert } from '../../domain/alerts/alert';
import { decideFold, type FoldSettings, titleKeyOf } from '../../domain/storms/decide-fold';
import type { StoreTx } from '../ports/store.port';

/** The fold group (card) an alert founds: derived from its id, so a replay can never found a second one. */
export function groupIdFor(alertId: string): string {
  return `g-${alertId}`;
}

/** When an alert happened, for storm windows: its creation time (or `now` if that is unreadable). */
function foldTime(alert: Alert, now: string): string {
  return Number.isNaN(Date.parse(alert.createdAt)) ? now : alert.createdAt;
}

/**
 * Gives an alert that has no card yet its place, inside the caller's transaction: it folds into an open
 * group of the same title (the group's card is queued for an update) or founds a new group whose card
 * is queued for posting. Storm windows are measured on the alerts' creation times, so a backlog read
 * hours late folds exactly as it would have live.
 */
export async function placeAlertOnCard(
  tx: StoreTx,
  alert: Alert,
  now: string,
  storms: FoldSettings,
): Promise<{ outcome: 'new' | 'folded'; groupId: string }> {
  const at = foldTime(alert, now);
  const machineName = alert.machine?.name;
  const since = new Date(Date.parse(at) - storms.windowMs).toISOString();
  const groups = await tx.folds.openGroups(titleKeyOf(alert), since);
  const decision = decideFold(
    { title: alert.title, source: alert.source, createdAt: at, ...(machineName ? { machineName } : {}) },
    groups,
    storms,
  );
  if (decision.kind === 'fold') {
    await tx.folds.add(decision.groupId, alert.id, machineName, at);
    await tx.alerts.setGroup(alert.id, decision.groupId);
    await tx.outbox.enqueue({ kind: 'updateCard', groupId: decision.groupId, at: now });
    return { outcome: 'folded', groupId: decision.groupId };
  }
  const groupId = groupIdFor(alert.id);
  const group = { id: groupId, titleKey: decision.titleKey, rootAlertId: alert.id, at };
  await tx.folds.create(machineName ? { ...group, machineName } : group);
  await tx.alerts.setGroup(alert.id, groupId);
  await tx.outbox.enqueue({ kind: 'postCard', groupId, at: now });
  return { outcome: 'new', groupId };
}
