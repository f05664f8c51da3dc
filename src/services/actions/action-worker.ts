import { isFinalState } from '../../domain/actions/action-state';
import type { ResponseAction } from '../../domain/actions/response-action';
import type { AuditLog } from '../audit/audit-log';
import { createWorkLoop } from '../background/work-loop';
import { describeError } from '../outbox/describe-error';
import type { Logger } from '../ports/logger.port';
import { type AdvanceContext, advanceAction } from './advance-action';
import { endingAudit, endingReply, recordActionChange } from './record-action-change';

/** What the action worker needs besides what advancing an action needs. */
export interface ActionWorkerDeps extends AdvanceContext {
  readonly audit: AuditLog;
  readonly logger: Logger;
  /** Something changed on a card or in a thread: the outbox should send it now. */
  readonly onCardChanged: () => void;
}

/** The durable action queue's worker. */
export interface ActionWorker {
  /** Takes the actions due now and moves each one step; resolves with how many it took. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  /** An action was recorded or approved: look now. */
  kick(): void;
}

/** True when the card shows something different for `after` than for `before`. */
function visibleChange(before: ResponseAction, after: ResponseAction): boolean {
  return (
    before.state !== after.state ||
    before.defenderStatus !== after.defenderStatus ||
    before.outcomeNote !== after.outcomeNote
  );
}

/**
 * Creates the action worker. Each run claims the due actions under a lease (so a crashed worker's
 * actions are taken again after it, and a restart resumes from the store), moves each one step with
 * `advanceAction`, and stores the result in one transaction with its consequences: the card update when
 * what it shows changed, and when the action ends, the audit entry and a reply in the alert's thread.
 */
export function createActionWorker(deps: ActionWorkerDeps): ActionWorker {
  const { store, clock, settings, logger } = deps;
  const iso = (ms: number) => new Date(ms).toISOString();

  const save = async (before: ResponseAction, after: ResponseAction): Promise<void> => {
    const nowIso = iso(clock.now());
    const ended = isFinalState(after.state) && !isFinalState(before.state);
    if (!visibleChange(before, after)) {
      await store.repos.actions.update(after);
      return;
    }
    await store.transaction((tx) =>
      recordActionChange(
        tx,
        {
          action: after,
          isNew: false,
          nowIso,
          ...(ended ? { reply: endingReply(after), audit: endingAudit(after) } : {}),
        },
        deps.audit,
      ),
    );
    deps.onCardChanged();
  };

  const step = async (claimed: ResponseAction): Promise<void> => {
    const log = logger.child({ actionId: claimed.id, kind: claimed.kind, alertId: claimed.alertId });
    let before = claimed;
    try {
      const after = await advanceAction(claimed, deps, async (sending) => {
        await store.repos.actions.update(sending);
        before = sending;
        return sending;
      });
      await save(before, after);
      if (after.state !== before.state)
        log.info({ from: before.state, to: after.state }, 'Response action moved');
    } catch (error) {
      log.error(
        { error: describeError(error) },
        'Could not move a response action; it is tried again after its lease',
      );
    }
  };

  const runOnce = async (): Promise<number> => {
    const now = clock.now();
    const due = await store.repos.actions.claimDue(iso(now), settings.batchSize, iso(now + settings.leaseMs));
    // A few at a time: a slow Defender answer for one action does not hold up the others.
    const queue = [...due];
    const lane = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await step(next);
    };
    await Promise.all(Array.from({ length: Math.max(1, settings.concurrency) }, lane));
    return due.length;
  };

  let current: Promise<number> | undefined;
  const single = () => {
    current ??= runOnce().finally(() => {
      current = undefined;
    });
    return current;
  };
  return { runOnce: single, ...createWorkLoop(single, settings.idleMs, logger, 'Action worker') };
}
