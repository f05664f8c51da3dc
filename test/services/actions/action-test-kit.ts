import { sha256Hex } from '../../../src/adapters/audit/sha256-hex';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { isFinalState } from '../../../src/domain/actions/action-state';
import type { ResponseAction } from '../../../src/domain/actions/response-action';
import type { Alert, AlertClassification } from '../../../src/domain/alerts/alert';
import type { AuditEntry } from '../../../src/domain/audit/audit-entry';
import { VigilError } from '../../../src/domain/errors/vigil-error';
import type { Machine } from '../../../src/domain/machines/machine';
import type {
  IsolationType,
  MachineAction,
  MachineActionStatus,
  MachineActionType,
  ScanType,
} from '../../../src/domain/machines/machine-action';
import type { ActionMcas, ActionMde } from '../../../src/services/actions/action-defender';
import type { ActionRequest, RequestOutcome } from '../../../src/services/actions/action-request';
import { type ActionRequests, createActionRequests } from '../../../src/services/actions/action-requests';
import { ACTION_DEFAULTS, type ActionSettings } from '../../../src/services/actions/action-settings';
import {
  type ActionWorker,
  type ActionWorkerDeps,
  createActionWorker,
} from '../../../src/services/actions/action-worker';
import { readDefenderIsolation } from '../../../src/services/actions/read-defender-isolation';
import { type AuditLog, createAuditLog } from '../../../src/services/audit/audit-log';
import type { Clock } from '../../../src/services/ports/clock.port';
import {
  type AlertUpdate,
  DEFENDER_ERROR_CODES,
  type DefenderErrorCode,
  type MachineActionQuery,
} from '../../../src/services/ports/defender.port';
import { silentLogger } from '../../../src/services/ports/logger.port';
import type { McasCloseRequest } from '../../../src/services/ports/mcas.port';
import type { OutboxKind, Store } from '../../../src/services/ports/store.port';
import { createRoleService, type Person, type RoleService } from '../../../src/services/roles/role-service';
import { makeAlert as makeStoreAlert } from '../../adapters/store/contract/store-fixtures';

/** 2026-03-02T09:00:00Z: when every test starts. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const TENANT = 'tenant-1';

/** A responder (granted through the role repository). Her id is upper case: Vigil keys on it lower case. */
export const ANA: Person = { tenantId: TENANT, aadObjectId: 'ANA-ID', name: 'Ana Responder' };
/** A second responder, who may approve Ana's requests. */
export const BEN: Person = { tenantId: TENANT, aadObjectId: 'ben-id', name: 'Ben Responder' };
/** A viewer (granted the viewer role explicitly). */
export const VAL: Person = { tenantId: TENANT, aadObjectId: 'val-id', name: 'Val Viewer' };
/** An admin by configuration, with no grant in the store. */
export const BOSS: Person = { tenantId: TENANT, aadObjectId: 'boss-id', name: 'Boss Admin' };

/** The alert most tests act on: `da-1` on `machine-1` (pc-finance-01), shown on the card of `group-1`. */
export const ALERT = 'da-1';
export const MACHINE = 'machine-1';
/** Another alert on the same machine, on its own card (`group-2`). */
export const OTHER_ALERT = 'da-2';
/** An alert on `machine-dc`, a server Defender tags `Tier0`. */
export const TIER0_ALERT = 'da-tier0';
export const TIER0_MACHINE = 'machine-dc';
/** An alert on `dc01.contoso.com`, protected by the name pattern `dc??`. */
export const PATTERN_ALERT = 'da-dc01';
export const PATTERN_MACHINE = 'machine-dc01';
/** A Defender for Cloud Apps alert (no machine). */
export const MCAS_ALERT = 'mcas-1';
/** An MDE alert already resolved. */
export const RESOLVED_ALERT = 'da-resolved';
/** An MDE alert that names no machine. */
export const NO_MACHINE_ALERT = 'da-nomachine';

/** The settings of these tests: `tier0` and `dc??` protected, three tries, 30 minutes to approve. */
export const TEST_SETTINGS: ActionSettings = {
  ...ACTION_DEFAULTS,
  protection: { tags: ['tier0'], namePatterns: ['dc??'] },
  approvalTtlMs: 30 * 60_000,
  leaseMs: 60_000,
  maxSendAttempts: 3,
  retryBaseMs: 5000,
  batchSize: 20,
};

/** Time that moves only when a test moves it. */
export class FakeClock implements Clock {
  ms = T0;
  now = (): number => this.ms;
  iso = (): string => new Date(this.ms).toISOString();
  advance(ms: number): void {
    this.ms += ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}

/** The ISO time `ms` milliseconds after `T0`. */
export function sinceT0(ms: number): string {
  return new Date(T0 + ms).toISOString();
}

/** A Defender error as the ports throw it. */
export function defenderError(
  code: DefenderErrorCode,
  friendly: string,
  details: Record<string, unknown> = {},
): VigilError {
  return new VigilError(code, friendly, { details });
}

/** Defender's ActiveRequestAlreadyExists. */
export const alreadyPending = (): VigilError =>
  defenderError(DEFENDER_ERROR_CODES.actionAlreadyPending, 'Defender already has this action pending.', {
    status: 400,
    defenderCode: 'ActiveRequestAlreadyExists',
  });

/** Throttled, still after the port's own retries. */
export const throttled = (retryAfterS?: number): VigilError =>
  defenderError(
    DEFENDER_ERROR_CODES.rateLimited,
    'Defender is limiting how often Vigil may call it; try again in a minute.',
    retryAfterS === undefined ? { status: 429 } : { status: 429, retryAfterS },
  );

/** No answer to a call that creates something: it may have been done. */
export const lostAnswer = (): VigilError =>
  defenderError(DEFENDER_ERROR_CODES.timeout, 'Defender did not answer in time (POST isolate).', {
    maybeActed: true,
  });

/** Refused for good: the app lacks a permission. */
export const forbidden = (): VigilError =>
  defenderError(
    DEFENDER_ERROR_CODES.forbidden,
    'Vigil is not allowed to do that in Defender: the app needs Machine.Isolate.',
    { status: 403, requiredPermission: 'Machine.Isolate' },
  );

type MdeMethod = keyof ActionMde;

/**
 * What one call of `method` does instead of the default: it gets the default behaviour (`real`, which
 * creates the machine action, changes the alert…) and the call's arguments.
 */
export type MdeStep<M extends MdeMethod> = (
  real: () => ReturnType<ActionMde[M]>,
  ...args: Parameters<ActionMde[M]>
) => ReturnType<ActionMde[M]>;

/** One call the fake MDE received, at the fake time it came. */
export interface MdeCall {
  readonly method: MdeMethod;
  readonly args: readonly unknown[];
  readonly at: number;
}

/**
 * A hand-written MDE: it keeps machine actions and alerts as Defender would (an isolation creates a
 * Pending machine action; a list filters them; `updateAlert` changes the alert and answers without
 * evidence), records every call, and runs scripted steps for the next calls of a method.
 */
export class FakeMde implements ActionMde {
  readonly calls: MdeCall[] = [];
  /** Defender's machine actions, oldest first. */
  readonly machineActions: MachineAction[] = [];
  /** Defender's alerts (as `getAlert` would return them). */
  readonly alerts = new Map<string, Alert>();
  readonly #steps: { [M in MdeMethod]?: MdeStep<M>[] } = {};
  #created = 0;

  constructor(private readonly clock: FakeClock) {}

  /** The next calls of `method` run these steps, one per call, in order; then the default again. */
  script<M extends MdeMethod>(method: M, ...steps: MdeStep<M>[]): void {
    const queue = (this.#steps[method] ?? []) as MdeStep<M>[];
    queue.push(...steps);
    (this.#steps as Record<string, unknown>)[method] = queue;
  }

  /** Every call so far as `[method, args]`, in order. */
  callLog(): [MdeMethod, readonly unknown[]][] {
    return this.calls.map((call) => [call.method, call.args]);
  }

  callsOf(method: MdeMethod): MdeCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The machine actions that create something in Defender (isolate, unisolate, scan). */
  creatingCalls(): MdeCall[] {
    return this.calls.filter((call) => ['isolate', 'unisolate', 'runAntivirusScan'].includes(call.method));
  }

  /** A machine action that exists in Defender (made in the portal, by another tool, or earlier). */
  addAction(overrides: Partial<MachineAction> & Pick<MachineAction, 'type'>): MachineAction {
    this.#created += 1;
    const now = this.clock.iso();
    const action: MachineAction = {
      id: `ma-${this.#created}`,
      status: 'Pending',
      machineId: MACHINE,
      requestor: 'someone@contoso.com',
      createdAt: now,
      updatedAt: now,
      ...overrides,
    };
    this.machineActions.push(action);
    return action;
  }

  /** Defender moves one of its machine actions on. */
  setStatus(id: string, status: MachineActionStatus, more: Partial<MachineAction> = {}): void {
    const index = this.machineActions.findIndex((action) => action.id === id);
    if (index < 0) throw new Error(`No machine action ${id}`);
    const current = this.machineActions[index] as MachineAction;
    this.machineActions[index] = { ...current, ...more, status, updatedAt: this.clock.iso() };
  }

  isolate(machineId: string, type: IsolationType, comment: string): Promise<MachineAction> {
    return this.#run('isolate', [machineId, type, comment], async () =>
      this.#create('Isolate', machineId, comment, type),
    );
  }

  unisolate(machineId: string, comment: string): Promise<MachineAction> {
    return this.#run('unisolate', [machineId, comment], async () =>
      this.#create('Unisolate', machineId, comment),
    );
  }

  runAntivirusScan(machineId: string, type: ScanType, comment: string): Promise<MachineAction> {
    return this.#run('runAntivirusScan', [machineId, type, comment], async () =>
      this.#create('RunAntiVirusScan', machineId, comment, type),
    );
  }

  getMachineAction(actionId: string): Promise<MachineAction> {
    return this.#run('getMachineAction', [actionId], async () => {
      const found = this.machineActions.find((action) => action.id === actionId);
      if (found === undefined) {
        throw defenderError(DEFENDER_ERROR_CODES.notFound, `Defender has no machine action ${actionId}.`);
      }
      return found;
    });
  }

  listMachineActions(query: MachineActionQuery): Promise<MachineAction[]> {
    return this.#run('listMachineActions', [query], async () =>
      this.machineActions
        .filter((action) => query.machineId === undefined || action.machineId === query.machineId)
        .filter((action) => query.type === undefined || action.type === query.type)
        .filter((action) => query.status === undefined || action.status === query.status)
        .filter((action) => query.createdSince === undefined || action.createdAt >= query.createdSince)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, query.maxActions ?? 10_000),
    );
  }

  getAlert(alertId: string): Promise<Alert> {
    return this.#run('getAlert', [alertId], async () => {
      const alert = this.alerts.get(alertId);
      if (alert === undefined) {
        throw defenderError(DEFENDER_ERROR_CODES.notFound, `Defender has no alert ${alertId}.`);
      }
      return alert;
    });
  }

  updateAlert(alertId: string, update: AlertUpdate): Promise<Alert> {
    return this.#run('updateAlert', [alertId, update], async () => {
      const alert = this.alerts.get(alertId);
      if (alert === undefined) {
        throw defenderError(DEFENDER_ERROR_CODES.notFound, `Defender has no alert ${alertId}.`);
      }
      const { comment, ...fields } = update;
      const changed: Alert = {
        ...alert,
        ...fields,
        ...(fields.status === 'resolved' ? { resolvedAt: this.clock.iso() } : {}),
        comments: [
          ...alert.comments,
          ...(comment ? [{ text: comment, createdBy: 'vigil-app', createdAt: this.clock.iso() }] : []),
        ],
        updatedAt: this.clock.iso(),
      };
      this.alerts.set(alertId, changed);
      // Defender's reply to a PATCH carries no evidence.
      return { ...changed, evidence: [] };
    });
  }

  #create(type: MachineActionType, machineId: string, comment: string, scope?: string): MachineAction {
    return this.addAction({
      type,
      machineId,
      comment,
      requestor: 'vigil-app@contoso.com',
      ...(scope ? { scope } : {}),
    });
  }

  #run<M extends MdeMethod>(
    method: M,
    args: Parameters<ActionMde[M]>,
    real: () => ReturnType<ActionMde[M]>,
  ): ReturnType<ActionMde[M]> {
    this.calls.push({ method, args, at: this.clock.now() });
    const step = (this.#steps[method] as MdeStep<M>[] | undefined)?.shift();
    return step ? step(real, ...args) : real();
  }
}

/** One call the fake Defender for Cloud Apps received (a close carries its request; a read none). */
export interface McasCall {
  readonly method: keyof ActionMcas;
  readonly alertId: string;
  readonly request?: McasCloseRequest | string;
}

/**
 * A hand-written Defender for Cloud Apps: it keeps its alerts (a close resolves one), records every call,
 * and can fail the next closes (before or after closing) and the next reads.
 */
export class FakeMcas implements ActionMcas {
  readonly calls: McasCall[] = [];
  /** Cloud Apps' alerts (as `getAlert` would return them). */
  readonly alerts = new Map<string, Alert>();
  readonly #closeFailures: { readonly error: unknown; readonly closed: boolean }[] = [];
  readonly #readFailures: unknown[] = [];

  /** The next closes throw these, one per call, without closing the alert. */
  failNext(...errors: unknown[]): void {
    this.#closeFailures.push(...errors.map((error) => ({ error, closed: false })));
  }

  /** The next closes close the alert, then throw these (the answer was lost). */
  loseNextAnswer(...errors: unknown[]): void {
    this.#closeFailures.push(...errors.map((error) => ({ error, closed: true })));
  }

  /** The next reads (`getAlert`) throw these. */
  failNextRead(...errors: unknown[]): void {
    this.#readFailures.push(...errors);
  }

  async getAlert(alertId: string): Promise<Alert> {
    this.calls.push({ method: 'getAlert', alertId });
    if (this.#readFailures.length > 0) throw this.#readFailures.shift();
    const alert = this.alerts.get(alertId);
    if (alert === undefined) {
      throw defenderError(DEFENDER_ERROR_CODES.notFound, `Defender for Cloud Apps has no alert ${alertId}.`);
    }
    return alert;
  }

  async closeBenign(alertId: string, request: McasCloseRequest): Promise<void> {
    this.#close({ method: 'closeBenign', alertId, request }, 'informationalExpectedActivity');
  }

  async closeFalsePositive(alertId: string, request: McasCloseRequest): Promise<void> {
    this.#close({ method: 'closeFalsePositive', alertId, request }, 'falsePositive');
  }

  async closeTruePositive(alertId: string, comment: string): Promise<void> {
    this.#close({ method: 'closeTruePositive', alertId, request: comment }, 'truePositive');
  }

  #close(call: McasCall, classification: AlertClassification): void {
    this.calls.push(call);
    const failure = this.#closeFailures.shift();
    if (failure !== undefined && !failure.closed) throw failure.error;
    const alert = this.alerts.get(call.alertId);
    if (alert !== undefined) this.alerts.set(call.alertId, { ...alert, status: 'resolved', classification });
    if (failure !== undefined) throw failure.error;
  }
}

/** The calls (method and arguments) that read a machine's isolation from Defender: one per type. */
export function isolationReads(machineId: string): [MdeMethod, unknown[]][] {
  return [
    ['listMachineActions', [{ machineId, type: 'Isolate', maxActions: 1000 }]],
    ['listMachineActions', [{ machineId, type: 'Unisolate', maxActions: 1000 }]],
  ];
}

/** Defender's record of a machine. */
export function makeMachine(overrides: Partial<Machine> & Pick<Machine, 'id' | 'name'>): Machine {
  return {
    osPlatform: 'Windows11',
    riskScore: 'high',
    exposureLevel: 'medium',
    healthStatus: 'Active',
    tags: [],
    ...overrides,
  };
}

/** An MDE alert raised a minute before `T0`; override what a test is about. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  const minuteBefore = new Date(T0 - 60_000).toISOString();
  return makeStoreAlert({
    createdAt: minuteBefore,
    updatedAt: minuteBefore,
    machine: { id: MACHINE, name: 'pc-finance-01.contoso.com' },
    ...overrides,
  });
}

/** An item the action services queued for the outbox. */
export interface QueuedItem {
  readonly kind: OutboxKind;
  readonly groupId: string;
  readonly text?: string;
  /** The payload's `plain` flag, whenever the payload has one. */
  readonly plain?: unknown;
}

/** An audit entry reduced to what the tests compare. */
export interface AuditLine {
  readonly action: string;
  readonly actor: string;
  readonly target: string | null;
  readonly outcome: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Everything an action test works with. */
export interface ActionKit {
  readonly store: Store;
  readonly clock: FakeClock;
  readonly audit: AuditLog;
  readonly roles: RoleService;
  readonly mde: FakeMde;
  readonly mcas: FakeMcas;
  /** Defender's machines, as `lookupMachine` reads them (a missing one: Defender cannot say). */
  readonly machines: Map<string, Machine>;
  readonly requests: ActionRequests;
  /** How often `onQueued` (requests) and `onCardChanged` (worker) were called. */
  readonly kicks: { queued: number; card: number };
  worker: ActionWorker;
  /** A new worker on the same store (as after a restart), with the kit's fakes unless overridden. */
  newWorker(overrides?: Partial<ActionWorkerDeps>): ActionWorker;
  /**
   * Stores an alert on the card of `groupId` (a fold group of its own), and in the fake MDE (a Cloud Apps
   * alert: in the fake Cloud Apps).
   */
  seedAlert(alert: Alert, groupId?: string): Promise<void>;
  /** Takes (and completes) every queued outbox item, oldest first. */
  drainOutbox(): Promise<QueuedItem[]>;
  /** The whole audit log, oldest first. */
  auditLines(): Promise<AuditLine[]>;
  auditEntries(): Promise<AuditEntry[]>;
  /** The stored action (throws when there is none). */
  action(id: string): Promise<ResponseAction>;
  /** Every stored action about an alert, newest first. */
  actionsOf(alertId: string): Promise<ResponseAction[]>;
  /** A request shortcut: `by` asks for `kind` on `alertId`. */
  ask(
    by: Person,
    kind: ActionRequest['kind'],
    alertId?: string,
    params?: ActionRequest['params'],
  ): Promise<RequestOutcome>;
  /** Moves the clock to the earliest due action (if later than now) and runs the worker once. */
  runDue(): Promise<number>;
  /** `runDue` until the action is final; throws after `maxRuns`. `beforeRun` may move Defender on. */
  runUntilFinal(
    id: string,
    beforeRun?: (run: number) => void | Promise<void>,
    maxRuns?: number,
  ): Promise<ResponseAction>;
  /** Runs the worker until the action is final, Defender ending the machine action it follows with `status`. */
  endInDefender(
    id: string,
    status: MachineActionStatus,
    more?: Partial<MachineAction>,
  ): Promise<ResponseAction>;
}

/**
 * A kit over an in-memory SQLite store with the real audit log and role service: Ana and Ben are
 * granted responder and Val viewer through the role repository, Boss is an admin by configuration; the
 * alerts above are stored (each with its own card group) and known to the fake MDE (or Cloud Apps).
 * Requests read a machine's isolation from the fake MDE (`readDefenderIsolation`), as Vigil does, unless
 * `withIsolationLookup` is false.
 */
export async function actionKit(
  options: { settings?: ActionSettings; withMcas?: boolean; withIsolationLookup?: boolean } = {},
): Promise<ActionKit> {
  const clock = new FakeClock();
  const settings = options.settings ?? TEST_SETTINGS;
  const store = await openSqliteStore(':memory:', { clock: clock.iso });
  const audit = createAuditLog({ store, clock, hash: sha256Hex });
  const roles = createRoleService({
    store,
    audit,
    clock,
    isConfiguredAdmin: (tenantId, id) => tenantId === TENANT && id === 'boss-id',
  });
  const grant = (aadObjectId: string, role: 'viewer' | 'responder') =>
    store.repos.roles.set({
      tenantId: TENANT,
      aadObjectId,
      role,
      grantedBy: 'boss-id',
      grantedAt: clock.iso(),
    });
  await grant('ana-id', 'responder');
  await grant('ben-id', 'responder');
  await grant('val-id', 'viewer');

  const mde = new FakeMde(clock);
  const mcas = new FakeMcas();
  const machines = new Map<string, Machine>([
    [MACHINE, makeMachine({ id: MACHINE, name: 'pc-finance-01.contoso.com', tags: ['finance'] })],
    [TIER0_MACHINE, makeMachine({ id: TIER0_MACHINE, name: 'srv-core-01.contoso.com', tags: ['Tier0'] })],
    [PATTERN_MACHINE, makeMachine({ id: PATTERN_MACHINE, name: 'dc01.contoso.com', tags: [] })],
  ]);
  const kicks = { queued: 0, card: 0 };
  let ids = 0;
  const requests = createActionRequests({
    store,
    audit,
    roles,
    clock,
    settings,
    lookupMachine: async (id) => machines.get(id),
    newId: () => `act-${++ids}`,
    ...(options.withIsolationLookup === false
      ? {}
      : { readIsolation: (machineId: string) => readDefenderIsolation(mde, machineId) }),
    onQueued: () => {
      kicks.queued += 1;
    },
  });

  const kit: ActionKit = {
    store,
    clock,
    audit,
    roles,
    mde,
    mcas,
    machines,
    requests,
    kicks,
    worker: undefined as unknown as ActionWorker,
    newWorker(overrides = {}) {
      return createActionWorker({
        mde,
        ...(options.withMcas === false ? {} : { mcas }),
        store,
        clock,
        settings,
        audit,
        logger: silentLogger,
        onCardChanged: () => {
          kicks.card += 1;
        },
        ...overrides,
      });
    },
    async seedAlert(alert, groupId) {
      await store.repos.alerts.save(alert, clock.iso());
      if (groupId !== undefined) {
        await store.repos.folds.create({
          id: groupId,
          titleKey: `${alert.source}:${groupId}`,
          rootAlertId: alert.id,
          at: clock.iso(),
        });
        await store.repos.alerts.setGroup(alert.id, groupId);
      }
      if (alert.source === 'mcas') mcas.alerts.set(alert.id, alert);
      else mde.alerts.set(alert.id, alert);
    },
    async drainOutbox() {
      const items = await store.repos.outbox.claim(
        clock.iso(),
        1000,
        new Date(clock.now() + 60_000).toISOString(),
      );
      for (const item of items) await store.repos.outbox.complete(item.id);
      return items.map((item) => ({
        kind: item.kind,
        groupId: item.groupId,
        ...(typeof item.payload.text === 'string' ? { text: item.payload.text } : {}),
        ...('plain' in item.payload ? { plain: item.payload.plain } : {}),
      }));
    },
    async auditEntries() {
      return store.repos.audit.all();
    },
    async auditLines() {
      return (await store.repos.audit.all()).map((entry) => ({
        action: entry.action,
        actor: entry.actor.aadObjectId,
        target: entry.target,
        outcome: entry.outcome,
        details: entry.details,
      }));
    },
    async action(id) {
      const found = await store.repos.actions.get(id);
      if (found === undefined) throw new Error(`No action ${id}`);
      return found;
    },
    actionsOf(alertId) {
      return store.repos.actions.list({ alertId, limit: 100 });
    },
    ask(by, kind, alertId = ALERT, params = {}) {
      return requests.request({ kind, origin: 'card', by, alertId, params });
    },
    async runDue() {
      const due = await store.repos.actions.nextDue();
      if (due !== undefined && Date.parse(due) > clock.now()) clock.set(Date.parse(due));
      return kit.worker.runOnce();
    },
    async runUntilFinal(id, beforeRun = () => undefined, maxRuns = 50) {
      for (let run = 0; run < maxRuns; run += 1) {
        const current = await kit.action(id);
        if (isFinalState(current.state)) return current;
        await beforeRun(run);
        await kit.runDue();
      }
      throw new Error(
        `Action ${id} not final after ${maxRuns} runs: ${JSON.stringify(await kit.action(id))}`,
      );
    },
    endInDefender(id, status, more = {}) {
      return kit.runUntilFinal(id, async () => {
        const followed = (await kit.action(id)).defenderActionId;
        const current = mde.machineActions.find((action) => action.id === followed);
        if (current !== undefined && current.status !== status) mde.setStatus(current.id, status, more);
      });
    },
  };
  kit.worker = kit.newWorker();

  await kit.seedAlert(makeAlert({ id: ALERT }), 'group-1');
  await kit.seedAlert(makeAlert({ id: OTHER_ALERT }), 'group-2');
  await kit.seedAlert(
    makeAlert({ id: TIER0_ALERT, machine: { id: TIER0_MACHINE, name: 'srv-core-01.contoso.com' } }),
    'group-tier0',
  );
  await kit.seedAlert(
    makeAlert({ id: PATTERN_ALERT, machine: { id: PATTERN_MACHINE, name: 'dc01.contoso.com' } }),
    'group-dc01',
  );
  const { machine: _none, ...withoutMachine } = makeAlert({ id: NO_MACHINE_ALERT });
  await kit.seedAlert(withoutMachine, 'group-nomachine');
  const { machine: _cloud, ...mcasAlert } = makeAlert({
    id: MCAS_ALERT,
    source: 'mcas',
    title: 'Impossible travel activity',
    evidence: [{ entityType: 'Account', accountName: 'alice' }],
  });
  await kit.seedAlert(mcasAlert, 'group-mcas');
  await kit.seedAlert(
    makeAlert({ id: RESOLVED_ALERT, status: 'resolved', classification: 'falsePositive' }),
    'group-resolved',
  );
  return kit;
}
