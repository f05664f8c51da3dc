import type { ActionKind } from './action-kind';

/** What an intent is about. */
export interface IntentTarget {
  readonly alertId: string;
  readonly machineId?: string;
}

/**
 * The key of "the same request": one open action per key. Isolating and releasing the same machine are
 * one intent (MDE itself refuses one while the other is pending), a scan of a machine is another, and an
 * alert's resolution or assignment is keyed on the alert. Machine ids are compared lower case.
 */
export function intentKey(kind: ActionKind, target: IntentTarget): string {
  switch (kind) {
    case 'isolate':
    case 'unisolate':
      return `isolation:${(target.machineId ?? '').toLowerCase()}`;
    case 'scan':
      return `scan:${(target.machineId ?? '').toLowerCase()}`;
    case 'resolve':
      return `resolve:${target.alertId}`;
    case 'assign':
      return `assign:${target.alertId}`;
  }
}

/**
 * The key a finished action keeps: its intent key made unique by its own id, so the intent is free for
 * the next request while the finished one stays findable.
 */
export function releasedKey(requestKey: string, actionId: string): string {
  return `${requestKey}#${actionId}`;
}
