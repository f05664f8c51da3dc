import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { templateCardRenderer } from '../../../src/adapters/teams/cards/template-card-renderer';
import type { Alert } from '../../../src/domain/alerts/alert';
import type { Machine } from '../../../src/domain/machines/machine';
import {
  createOutboxWorker,
  type OutboxWorker,
  type OutboxWorkerDeps,
} from '../../../src/services/outbox/outbox-worker';
import type { MdePort } from '../../../src/services/ports/defender.port';
import { silentLogger } from '../../../src/services/ports/logger.port';
import type { Metrics } from '../../../src/services/ports/metrics.port';
import type { ConversationRecord, OutboxKind, Store } from '../../../src/services/ports/store.port';
import type { PostedThread, TeamsMessage, TeamsMessenger } from '../../../src/services/ports/teams.port';
import { makeAlert as makeStoreAlert } from '../../adapters/store/contract/store-fixtures';

/** The SOC channel of these tests. */
export const SOC = '19:soc-alerts@thread.tacv2';
/** 2026-03-02T09:00:00Z: when every test starts. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** Fake time: `sleep` moves the clock instead of waiting. */
export class FakeTime {
  ms = T0;
  readonly sleeps: number[] = [];
  now = (): number => this.ms;
  iso = (): string => new Date(this.ms).toISOString();
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.ms += ms;
  };
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** One call the fake messenger received, and the fake time it came at. */
export interface MessengerCall {
  readonly operation: 'post' | 'update' | 'reply';
  readonly at: number;
  readonly conversationId: string;
  readonly threadId?: string;
  readonly activityId?: string;
  readonly message: TeamsMessage;
}

/** A `TeamsMessenger` that records calls and fails the next ones as told. */
export class FakeMessenger implements TeamsMessenger {
  readonly calls: MessengerCall[] = [];
  private readonly failures: unknown[] = [];
  private posted = 0;

  constructor(private readonly time: FakeTime) {}

  /** The next calls throw these errors, in order. */
  failNext(...errors: unknown[]): void {
    this.failures.push(...errors);
  }

  callsOf(operation: MessengerCall['operation']): MessengerCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  async postThread(channel: ConversationRecord, message: TeamsMessage): Promise<PostedThread> {
    this.record({ operation: 'post', conversationId: channel.id, message });
    this.posted += 1;
    const activityId = String(1000 + this.posted);
    return { threadId: `${channel.id};messageid=${activityId}`, activityId };
  }

  async updateMessage(
    channel: ConversationRecord,
    threadId: string,
    activityId: string,
    message: TeamsMessage,
  ) {
    this.record({ operation: 'update', conversationId: channel.id, threadId, activityId, message });
  }

  async reply(channel: ConversationRecord, threadId: string | undefined, message: TeamsMessage) {
    this.record({
      operation: 'reply',
      conversationId: channel.id,
      ...(threadId ? { threadId } : {}),
      message,
    });
  }

  private record(call: Omit<MessengerCall, 'at'>): void {
    this.calls.push({ ...call, at: this.time.now() });
    if (this.failures.length > 0) throw this.failures.shift();
  }
}

/** Every metric call, as `name:labels`. */
export class RecordingMetrics implements Metrics {
  readonly events: string[] = [];
  readonly depths: number[] = [];
  alertIngested(): void {}
  cardPosted(): void {
    this.events.push('cardPosted');
  }
  teamsSend(operation: string, outcome: string): void {
    this.events.push(`teamsSend:${operation}:${outcome}`);
  }
  outboxDepth(depth: number): void {
    this.depths.push(depth);
  }
  defenderCall(): void {}
  pollLag(): void {}
}

/** A complete MDE alert, raised a minute before `T0`; override what a test is about. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  const minuteBefore = new Date(T0 - 60_000).toISOString();
  return makeStoreAlert({ createdAt: minuteBefore, updatedAt: minuteBefore, ...overrides });
}

/** Defender's record of `machine-1`. */
export function makeMachine(overrides: Partial<Machine> = {}): Machine {
  return {
    id: 'machine-1',
    name: 'pc-finance-01',
    osPlatform: 'Windows11',
    riskScore: 'high',
    exposureLevel: 'medium',
    healthStatus: 'Active',
    tags: ['tier0-finance'],
    ...overrides,
  };
}

/** The stored conversation of a channel, as the bot would have captured it. */
export function channelRecord(id = SOC, time = T0): ConversationRecord {
  return {
    id,
    kind: 'channel',
    tenantId: 'tenant-1',
    teamId: '19:soc-team@thread.tacv2',
    reference: { serviceUrl: 'http://127.0.0.1:1/_connector', channelId: 'msteams', conversation: { id } },
    updatedAt: new Date(time).toISOString(),
  };
}

/** Everything a worker test works with. */
export interface OutboxFixture {
  readonly store: Store;
  readonly time: FakeTime;
  readonly messenger: FakeMessenger;
  readonly metrics: RecordingMetrics;
  readonly machines: Pick<MdePort, 'getMachine'> & { lookups: string[] };
  socChannel: string | undefined;
  worker: OutboxWorker;
  /** Stores an alert with its own fold group (`groupId`) as ingest does. */
  seedGroup(groupId: string, alert?: Partial<Alert>): Promise<void>;
  enqueue(kind: OutboxKind, groupId: string, payload?: Record<string, unknown>): Promise<boolean>;
  /** A new worker on the same store (as after a restart). */
  newWorker(overrides?: Partial<OutboxWorkerDeps>): OutboxWorker;
  /** Runs the worker, moving fake time by `stepMs` between runs, until `done()` or `maxRuns`. */
  runUntil(done: () => boolean, stepMs?: number, maxRuns?: number): Promise<void>;
}

/** A worker over an in-memory SQLite store, a fake messenger and fake time, the SOC channel known. */
export async function outboxFixture(
  overrides: Partial<OutboxWorkerDeps> = {},
  store?: Store,
): Promise<OutboxFixture> {
  const time = new FakeTime();
  const lookups: string[] = [];
  const machines = {
    lookups,
    getMachine: async (id: string) => {
      lookups.push(id);
      return makeMachine({ id });
    },
  };
  const fixture: OutboxFixture = {
    store: store ?? (await openSqliteStore(':memory:', { clock: () => time.iso() })),
    time,
    messenger: new FakeMessenger(time),
    metrics: new RecordingMetrics(),
    machines,
    socChannel: SOC,
    worker: undefined as unknown as OutboxWorker,
    async seedGroup(groupId, alert = {}) {
      const stored = makeAlert({ id: `alert-of-${groupId}`, ...alert });
      await this.store.repos.alerts.save(stored, time.iso());
      await this.store.repos.folds.create({
        id: groupId,
        titleKey: `mde:${groupId}`,
        rootAlertId: stored.id,
        at: time.iso(),
      });
      await this.store.repos.alerts.setGroup(stored.id, groupId);
    },
    enqueue(kind, groupId, payload) {
      return this.store.repos.outbox.enqueue({
        kind,
        groupId,
        ...(payload ? { payload } : {}),
        at: time.iso(),
      });
    },
    newWorker(more = {}) {
      return createOutboxWorker({
        store: this.store,
        messenger: this.messenger,
        renderer: templateCardRenderer,
        machines: this.machines,
        socChannel: async () => this.socChannel,
        clock: { now: time.now },
        logger: silentLogger,
        metrics: this.metrics,
        sleep: time.sleep,
        random: () => 0.5,
        ...overrides,
        ...more,
      });
    },
    async runUntil(done, stepMs = 100, maxRuns = 2000) {
      for (let run = 0; run < maxRuns && !done(); run += 1) {
        await this.worker.runOnce();
        if (!done()) time.advance(stepMs);
      }
      if (!done())
        throw new Error(`Not done after ${maxRuns} runs; calls: ${JSON.stringify(this.messenger.calls)}`);
    },
  };
  await fixture.store.repos.conversations.upsert(channelRecord());
  fixture.worker = fixture.newWorker();
  return fixture;
}
