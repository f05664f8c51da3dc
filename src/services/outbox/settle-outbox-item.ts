import { isVigilError } from '../../domain/errors/vigil-error';
import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { Metrics } from '../ports/metrics.port';
import type { OutboxItem, OutboxRepository } from '../ports/store.port';
import { TEAMS_ERROR_CODES } from '../ports/teams.port';
import { describeError } from './describe-error';
import type { ItemOutcome, TeamsOperation } from './item-outcome';
import type { OutboxWorkerOptions } from './outbox-worker-options';
import { retryDelayMs } from './retry-delay';
import type { TeamsRateGate } from './teams-rate-gate';

/** Records what became of claimed items: in the store, the metrics and the log. */
export interface OutboxSettler {
  settle(item: OutboxItem, outcome: ItemOutcome, log: Logger): Promise<void>;
  /** A send to `conversation` threw `error`: retry it with backoff, or fail it for good. */
  settleFailure(
    item: OutboxItem,
    send: { operation: TeamsOperation; conversation: string },
    error: unknown,
    log: Logger,
  ): Promise<void>;
}

export interface OutboxSettlerDeps {
  readonly outbox: OutboxRepository;
  readonly gate: TeamsRateGate;
  readonly clock: Clock;
  readonly metrics: Metrics;
  readonly random: () => number;
  readonly options: OutboxWorkerOptions;
}

/** Teams refusals that repeating cannot fix. */
const FINAL_TEAMS_CODES: ReadonlySet<string> = new Set([
  TEAMS_ERROR_CODES.notInConversation,
  TEAMS_ERROR_CODES.tooLarge,
  TEAMS_ERROR_CODES.failed,
]);

/** Whether a failure is one repeating cannot fix: a final Teams refusal, a card that cannot be drawn. */
function isFinal(error: unknown): boolean {
  if (!isVigilError(error)) return false;
  return FINAL_TEAMS_CODES.has(error.code) || /^(CARD|OUTBOX)\./.test(error.code);
}

function reasonOf(error: unknown): string {
  const described = describeError(error);
  return `${String(described.code ?? described.name ?? 'Error')}: ${String(described.message)}`;
}

function retryAfterOf(error: unknown): number | undefined {
  const value = isVigilError(error) ? error.details.retryAfterS : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Settles items. Throttled and transient Teams failures (and unexpected errors) are retried with
 * full-jitter backoff honouring `Retry-After`, up to `maxAttempts`; a throttled conversation is held
 * for the same time, so the items queued behind it wait too. Final refusals fail at once.
 */
export function createOutboxSettler(deps: OutboxSettlerDeps): OutboxSettler {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    async settle(item, outcome, log) {
      if (outcome.status === 'done') {
        await deps.outbox.complete(item.id);
        log.debug({ note: outcome.note }, 'Outbox item done');
      } else if (outcome.status === 'later') {
        await deps.outbox.retry(item.id, iso(deps.clock.now() + outcome.delayMs), outcome.reason);
        log.debug({ reason: outcome.reason, delayMs: outcome.delayMs }, 'Outbox item waits');
      } else {
        await deps.outbox.fail(item.id, outcome.reason);
        log.warn({ reason: outcome.reason }, 'Outbox item failed for good');
      }
    },
    async settleFailure(item, send, error, log) {
      const teams = isVigilError(error) && error.code.startsWith('TEAMS.');
      const throttled = isVigilError(error, TEAMS_ERROR_CODES.throttled);
      const reason = reasonOf(error);
      if (isFinal(error) || item.attempts + 1 >= deps.options.maxAttempts) {
        if (teams) deps.metrics.teamsSend(send.operation, 'failed');
        await deps.outbox.fail(item.id, reason);
        log.error({ error: describeError(error), attempts: item.attempts + 1 }, 'Teams send failed for good');
        return;
      }
      const delayMs = retryDelayMs(item.attempts, retryAfterOf(error), deps.random, deps.options.backoff);
      if (throttled) deps.gate.holdUntil(send.conversation, deps.clock.now() + delayMs);
      if (teams) deps.metrics.teamsSend(send.operation, throttled ? 'throttled' : 'retry');
      await deps.outbox.retry(item.id, iso(deps.clock.now() + delayMs), reason);
      const level = teams ? 'warn' : 'error';
      log[level](
        { error: describeError(error), delayMs, attempts: item.attempts + 1 },
        'Teams send will be retried',
      );
    },
  };
}
