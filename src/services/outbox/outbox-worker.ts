import type { ProtectionPolicy } from '../../domain/actions/protection';
import { createWorkLoop } from '../background/work-loop';
import type { CardRenderer } from '../ports/card-renderer.port';
import type { Clock } from '../ports/clock.port';
import type { MdePort } from '../ports/defender.port';
import type { Logger } from '../ports/logger.port';
import type { Metrics } from '../ports/metrics.port';
import type { Store } from '../ports/store.port';
import type { TeamsMessenger } from '../ports/teams.port';
import { createGroupCardBuilder } from './group-card-builder';
import { createMachineCache, type MachineCache } from './machine-cache';
import { createOutboxBatch } from './outbox-batch';
import { OUTBOX_DEFAULTS, type OutboxWorkerOptions } from './outbox-worker-options';
import { createOutboxSettler } from './settle-outbox-item';
import { createTeamsRateGate } from './teams-rate-gate';

/** What the outbox worker works with. */
export interface OutboxWorkerDeps {
  readonly store: Store;
  readonly messenger: TeamsMessenger;
  readonly renderer: CardRenderer;
  /** Defender's machines: the card shows the machine's OS, risk, exposure, tags and logged-on users. */
  readonly machines: Pick<MdePort, 'getMachine'> & Partial<Pick<MdePort, 'getMachineLogonUsers'>>;
  /** A machine cache to share (e.g. with the approval check); one over `machines` is made otherwise. */
  readonly machineCache?: MachineCache;
  /** Which machines need a second responder to isolate (the isolate form warns about them). */
  readonly protection?: ProtectionPolicy;
  /** The SOC channel's id, when one is chosen (see `createSocChannel`). */
  readonly socChannel: () => Promise<string | undefined>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Waits for the rate gate; a fake one in tests moves a fake clock. Default: a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the backoff's jitter. Default `Math.random`. */
  readonly random?: () => number;
  readonly options?: Partial<OutboxWorkerOptions>;
}

/** The durable Teams outbox's sender. */
export interface OutboxWorker {
  /** Claims the items due now and sends them; resolves with how many it claimed. One run at a time. */
  runOnce(): Promise<number>;
  /** Runs in the background: again at once after a busy run, else after `idleMs` or a `kick()`. */
  start(): void;
  /** Stops the background loop, after the run in progress. */
  stop(): Promise<void>;
  /** Something was queued: run now instead of waiting (the ingestor's `onQueued`). */
  kick(): void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates the outbox worker: every Teams post, update and reply goes through it. Items are claimed under
 * a lease (a crashed worker's items are sent after the lease; a restart resumes from the store), cards
 * are drawn at send time from the stored state, sends keep to Teams' rate limits (`TEAMS_SEND_LIMITS`),
 * and throttled or transient failures are retried with jittered backoff honouring `Retry-After`.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const options: OutboxWorkerOptions = { ...OUTBOX_DEFAULTS, ...deps.options };
  const { clock, logger, metrics } = deps;
  const repos = deps.store.repos;
  const gate = createTeamsRateGate(options.limits);
  const machines = deps.machineCache ?? createMachineCache(deps.machines, clock, logger);
  const portal = options.portalUrl ? { portalUrl: options.portalUrl } : {};
  const protection = deps.protection ? { protection: deps.protection } : {};
  const cards = createGroupCardBuilder({
    repos,
    renderer: deps.renderer,
    machines,
    clock,
    ...portal,
    ...protection,
  });
  const random = deps.random ?? Math.random;
  const settler = createOutboxSettler({ outbox: repos.outbox, gate, clock, metrics, random, options });
  const runBatch = createOutboxBatch({
    repos,
    messenger: deps.messenger,
    cards,
    gate,
    settler,
    socChannel: deps.socChannel,
    clock,
    logger,
    metrics,
    sleep: deps.sleep ?? realSleep,
    options,
  });
  let current: Promise<number> | undefined;
  const runOnce = () => {
    current ??= runBatch().finally(() => {
      current = undefined;
    });
    return current;
  };
  return { runOnce, ...createWorkLoop(runOnce, options.idleMs, logger) };
}
