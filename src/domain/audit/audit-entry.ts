/** Who did something: an Entra object id (or `vigil:…` for Vigil's own automatic actions) and a name for show. */
export interface AuditActor {
  readonly aadObjectId: string;
  /** The display name at the time, for reading only: never used to decide anything. */
  readonly name: string;
}

/** How what was asked for ended. */
export type AuditOutcome = 'succeeded' | 'refused' | 'failed';

/** What an audit entry says: who did what to what, when, and how it ended. */
export interface AuditContent {
  /** ISO-8601 UTC with milliseconds (`Date.prototype.toISOString`). */
  readonly at: string;
  readonly tenantId: string | null;
  readonly actor: AuditActor;
  /** What was done, dotted: `role.grant`, `command.audit`, `alert.isolate`. */
  readonly action: string;
  /** What it was done to: an alert id, an Entra object id, a rule id; `null` when nothing in particular. */
  readonly target: string | null;
  readonly outcome: AuditOutcome;
  /** Anything else worth keeping, as JSON values. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** An entry with its place in the chain: the previous entry's hash (none for the first) and its own. */
export interface ChainedAuditContent extends AuditContent {
  readonly prevHash: string | null;
  readonly hash: string;
}

/** An entry as stored, numbered in the order it was appended. */
export interface AuditEntry extends ChainedAuditContent {
  readonly id: number;
}
