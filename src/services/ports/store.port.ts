import type { ActionKind } from '../../domain/actions/action-kind';
import type { ActionState } from '../../domain/actions/action-state';
import type { ResponseAction } from '../../domain/actions/response-action';
import type { Alert } from '../../domain/alerts/alert';
import type { AuditActor, AuditEntry, ChainedAuditContent } from '../../domain/audit/audit-entry';
import type { Checkpoint } from '../../domain/ingest/checkpoint';
import type { Role } from '../../domain/roles/role';
import type { RuleDefinition } from '../../domain/rules/rule-definition';
import type { FoldGroup } from '../../domain/storms/decide-fold';

/**
 * Vigil's durable state. Every method is async so SQLite (embedded default) and PostgreSQL (several
 * replicas) implement the same port with one schema. Work that must be atomic runs in `transaction`.
 */
export interface Store {
  /**
   * Runs `work` atomically: everything it wrote is kept, or nothing is. Transactions never interleave.
   * Inside `work`, use `tx` only: `repos` or another `transaction` there fails (they would wait for it).
   */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** The repositories outside a transaction (each call is atomic on its own). */
  readonly repos: StoreTx;
  close(): Promise<void>;
}

export interface StoreTx {
  readonly alerts: AlertRepository;
  readonly folds: FoldRepository;
  readonly cards: CardRepository;
  readonly outbox: OutboxRepository;
  readonly checkpoints: CheckpointRepository;
  readonly conversations: ConversationRepository;
  readonly settings: SettingsRepository;
  readonly roles: RoleRepository;
  readonly audit: AuditRepository;
  readonly actions: ActionRepository;
  readonly rules: RuleRepository;
}

/** An alert as stored: the latest normalized alert and when Vigil first saw it. */
export interface StoredAlert {
  readonly alert: Alert;
  readonly firstSeenAt: string;
  /** The fold group (card) the alert belongs to. */
  readonly groupId: string | null;
}

export interface AlertListQuery {
  readonly statuses?: readonly Alert['status'][];
  readonly minSeverity?: Alert['severity'];
  readonly createdSince?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface AlertRepository {
  get(id: string): Promise<StoredAlert | undefined>;
  /** Inserts or replaces the alert; returns the version it replaced, if any. */
  save(alert: Alert, seenAt: string): Promise<StoredAlert | undefined>;
  setGroup(alertId: string, groupId: string): Promise<void>;
  /** Newest (`createdAt`) first. */
  list(query: AlertListQuery): Promise<StoredAlert[]>;
  /** The alerts on a machine (by its id, any case) that are not resolved, newest first, at most `limit`. */
  listOpenOnMachine(machineId: string, limit: number): Promise<StoredAlert[]>;
  count(): Promise<number>;
}

/** A fold group and the ids of its alerts, oldest first. */
export interface StoredFoldGroup extends FoldGroup {
  /** The alert whose card represents the group. */
  readonly rootAlertId: string;
  readonly alertIds: readonly string[];
  readonly firstAlertAt: string;
}

export interface FoldRepository {
  /** Groups with this title key whose latest alert is at or after `since`. */
  openGroups(titleKey: string, since: string): Promise<StoredFoldGroup[]>;
  get(groupId: string): Promise<StoredFoldGroup | undefined>;
  create(group: {
    id: string;
    titleKey: string;
    rootAlertId: string;
    machineName?: string;
    at: string;
  }): Promise<void>;
  /** Adds an alert to a group, bumping its count, machines and latest time. */
  add(groupId: string, alertId: string, machineName: string | undefined, at: string): Promise<void>;
}

/** Where a group's card lives in Teams. */
export interface CardRecord {
  readonly groupId: string;
  /** The channel's conversation id (`19:…@thread.tacv2`). */
  readonly channelId: string;
  /** The thread's conversation id: `<channelId>;messageid=<rootActivityId>`. */
  readonly threadId: string;
  /** The root message (the card) id. */
  readonly activityId: string;
  readonly postedAt: string;
}

export interface CardRepository {
  get(groupId: string): Promise<CardRecord | undefined>;
  save(card: CardRecord): Promise<void>;
  count(): Promise<number>;
}

/** What the outbox sends to Teams. The card is rendered at send time from the stored state. */
export type OutboxKind = 'postCard' | 'updateCard' | 'reply';

export interface OutboxItem {
  readonly id: number;
  readonly kind: OutboxKind;
  readonly groupId: string;
  /** For `reply`: the text (or card) to post in the thread. */
  readonly payload: Readonly<Record<string, unknown>>;
  /** How many times the item was claimed before this claim (0 on its first try): failed or abandoned tries. */
  readonly attempts: number;
  readonly notBefore: string;
  readonly createdAt: string;
}

export interface OutboxRepository {
  /**
   * Queues an item. An `updateCard` for a group that already has one waiting is coalesced (no new
   * row); a `postCard` for a group that already has one is ignored. Returns whether a row was added.
   */
  enqueue(item: {
    kind: OutboxKind;
    groupId: string;
    payload?: Record<string, unknown>;
    at: string;
  }): Promise<boolean>;
  /**
   * Takes up to `limit` items due at `now`, oldest first, and holds them until `leaseUntil` so no other
   * worker (or replica) takes them meanwhile. An item whose worker died is due again after the lease.
   */
  claim(now: string, limit: number, leaseUntil: string): Promise<OutboxItem[]>;
  complete(id: number): Promise<void>;
  /** Tries again at `notBefore`, recording the error. */
  retry(id: number, notBefore: string, error: string): Promise<void>;
  /** Gives up on the item for good, keeping it (and the error) for operators. */
  fail(id: number, error: string): Promise<void>;
  /** Items waiting to be sent. */
  depth(): Promise<number>;
}

export interface CheckpointRepository {
  get(name: string): Promise<Checkpoint | undefined>;
  set(name: string, checkpoint: Checkpoint): Promise<void>;
}

/** A Teams conversation Vigil was installed in or spoken to in, with its reference for proactive sends. */
export interface ConversationRecord {
  /** The conversation id (a channel id, a chat id). */
  readonly id: string;
  readonly kind: 'channel' | 'personal' | 'groupChat';
  readonly tenantId: string;
  readonly teamId?: string;
  readonly name?: string;
  /** Bot Framework's ConversationReference, as JSON. The service URL is refreshed on every activity. */
  readonly reference: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

export interface ConversationRepository {
  upsert(record: ConversationRecord): Promise<void>;
  get(id: string): Promise<ConversationRecord | undefined>;
  list(): Promise<ConversationRecord[]>;
}

export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** A role granted to an Entra identity in a tenant. */
export interface RoleGrant {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly role: Role;
  /** The Entra object id of who granted it. */
  readonly grantedBy: string;
  readonly grantedAt: string;
}

/** Granted roles, keyed on `(tenantId, aadObjectId)` exactly as given (the role service lower-cases ids). */
export interface RoleRepository {
  get(tenantId: string, aadObjectId: string): Promise<RoleGrant | undefined>;
  /** Grants a role, replacing any the identity had. */
  set(grant: RoleGrant): Promise<void>;
  /** Takes the identity's grant away; returns whether there was one. */
  remove(tenantId: string, aadObjectId: string): Promise<boolean>;
  /** A tenant's grants, by Entra object id. */
  list(tenantId: string): Promise<RoleGrant[]>;
}

export interface AuditListQuery {
  /** Only the entries about this target (an alert id, an Entra object id…). */
  readonly target?: string;
  readonly limit: number;
}

/**
 * The append-only audit log. It stores what it is given and computes nothing: the audit service chains
 * each entry to `last()` within the same transaction. There is no update and no delete.
 */
export interface AuditRepository {
  /** Appends an entry; returns it with its id. */
  append(entry: ChainedAuditContent): Promise<AuditEntry>;
  /** The newest entry, which the next one chains to. */
  last(): Promise<AuditEntry | undefined>;
  /** The newest entries first, at most `limit`. */
  list(query: AuditListQuery): Promise<AuditEntry[]>;
  /** Every entry, oldest first (for verifying the chain). */
  all(): Promise<AuditEntry[]>;
}

/** Which response actions to list. Every given criterion must hold. */
export interface ActionListQuery {
  readonly alertId?: string;
  /** Compared lower case. */
  readonly machineId?: string;
  readonly states?: readonly ActionState[];
  readonly kinds?: readonly ActionKind[];
  /** Only actions requested at or after this time. */
  readonly since?: string;
  readonly limit: number;
}

/**
 * Response actions (isolate, scan, resolve…), recorded before they are sent to Defender. The store keeps
 * at most one action per `requestKey`: a finished action's key is released (`releasedKey`) by the
 * service when it finishes, so only open actions hold an intent.
 */
export interface ActionRepository {
  get(id: string): Promise<ResponseAction | undefined>;
  /** The action holding this request key (an open one, since finished ones hold a released key). */
  getByKey(requestKey: string): Promise<ResponseAction | undefined>;
  /** Records a new action. Fails with `STORE.CONFLICT` when its id or request key is taken. */
  insert(action: ResponseAction): Promise<void>;
  /** Stores this version of an existing action (the same id). Fails with `STORE.NOT_FOUND` otherwise. */
  update(action: ResponseAction): Promise<void>;
  /**
   * Takes up to `limit` actions whose `nextCheckAt` is at or before `now`, the most overdue first, and
   * moves their `nextCheckAt` to `leaseUntil` so no other worker takes them meanwhile. Returns them as
   * stored after that move.
   */
  claimDue(now: string, limit: number, leaseUntil: string): Promise<ResponseAction[]>;
  /** The earliest `nextCheckAt` of any action, if one has any. */
  nextDue(): Promise<string | undefined>;
  /** Newest request first. */
  list(query: ActionListQuery): Promise<ResponseAction[]>;
}

/** An automatic response rule as stored: its parsed definition, whether it runs, who wrote it. */
export interface StoredRule {
  /** A short id for chat (`r1`, `r2`…), never reused. */
  readonly id: string;
  readonly definition: RuleDefinition;
  readonly enabled: boolean;
  readonly createdBy: AuditActor;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When a `for 7d` rule stops running. */
  readonly expiresAt?: string;
}

/**
 * Automatic response rules. A rule's name (`definition.name`) is unique, compared case-insensitively;
 * ids are unique too and never reused (the next id comes from `nextNumber`).
 */
export interface RuleRepository {
  get(id: string): Promise<StoredRule | undefined>;
  getByName(name: string): Promise<StoredRule | undefined>;
  /** Adds a rule. Fails with `STORE.CONFLICT` when its id or name (any case) is taken. */
  insert(rule: StoredRule): Promise<void>;
  /** Stores this version of an existing rule (the same id). Fails with `STORE.NOT_FOUND` otherwise. */
  update(rule: StoredRule): Promise<void>;
  /** Removes a rule; returns whether there was one. */
  remove(id: string): Promise<boolean>;
  /** Every rule, in running order: `options.order` (absent = 1000), then the oldest first. */
  list(): Promise<StoredRule[]>;
  /** A number greater than that of every id ever given (`r<number>`), removed rules included. */
  nextNumber(): Promise<number>;
}
