import type { AuditActor, AuditEntry, AuditOutcome } from '../../domain/audit/audit-entry';
import { chainEntry, type HashText } from '../../domain/audit/chain';
import type { Clock } from '../ports/clock.port';
import type { AuditListQuery, Store, StoreTx } from '../ports/store.port';

/** One thing to write down: who did what to what, and how it ended. The time is the clock's. */
export interface AuditRecord {
  readonly tenantId: string | null;
  readonly actor: AuditActor;
  readonly action: string;
  readonly target?: string | null;
  readonly outcome: AuditOutcome;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The tamper-evident log of clicks, commands, role changes and automatic actions. */
export interface AuditLog {
  /**
   * Appends an entry chained to the newest one. Inside a transaction, pass its `tx`: the entry is then
   * kept exactly when the change it describes is. Without one, it runs in a transaction of its own.
   */
  record(record: AuditRecord, tx?: StoreTx): Promise<AuditEntry>;
  /** The newest entries first, optionally only those about `target`. */
  recent(query: AuditListQuery): Promise<AuditEntry[]>;
}

/** What the audit log needs: the store, the clock, and the hash (SHA-256 in hex, from an adapter). */
export interface AuditLogDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly hash: HashText;
}

/**
 * The audit log over the store. Each entry's `prevHash` is the newest entry's hash, read and appended in
 * one transaction; the store runs transactions one at a time, so concurrent records still form one chain.
 */
export function createAuditLog(deps: AuditLogDeps): AuditLog {
  const append = async (record: AuditRecord, tx: StoreTx): Promise<AuditEntry> => {
    const previous = await tx.audit.last();
    const content = {
      at: new Date(deps.clock.now()).toISOString(),
      tenantId: record.tenantId,
      actor: { aadObjectId: record.actor.aadObjectId, name: record.actor.name },
      action: record.action,
      target: record.target ?? null,
      outcome: record.outcome,
      details: { ...record.details },
    };
    return tx.audit.append(chainEntry(previous?.hash ?? null, content, deps.hash));
  };
  return {
    record: (record, tx) =>
      tx === undefined ? deps.store.transaction((own) => append(record, own)) : append(record, tx),
    recent: (query) => deps.store.repos.audit.list(query),
  };
}
