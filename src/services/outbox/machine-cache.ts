import type { Machine } from '../../domain/machines/machine';
import type { Clock } from '../ports/clock.port';
import type { MdePort } from '../ports/defender.port';
import type { Logger } from '../ports/logger.port';
import { describeError } from './describe-error';

/** How long machine details are reused on cards, and how long a failed lookup is not repeated. */
export interface MachineCacheSettings {
  readonly ttlMs: number;
  readonly failureTtlMs: number;
  /** The most machines kept; the oldest entry goes first. */
  readonly maxEntries: number;
}

const DEFAULT_SETTINGS: MachineCacheSettings = { ttlMs: 5 * 60_000, failureTtlMs: 60_000, maxEntries: 500 };

/** Machine details for cards, looked up in Defender at most once per machine and `ttlMs`. */
export interface MachineCache {
  /** The machine, or undefined when Defender could not say (the card is then drawn without it). */
  lookup(machineId: string): Promise<Machine | undefined>;
}

interface Entry {
  readonly machine: Machine | undefined;
  readonly until: number;
}

/**
 * A small cache in front of `MdePort.getMachine`. A failure is logged and remembered for
 * `failureTtlMs`, so an alert storm during a Defender outage does not ask once per card.
 */
export function createMachineCache(
  machines: Pick<MdePort, 'getMachine'>,
  clock: Clock,
  logger: Logger,
  settings: MachineCacheSettings = DEFAULT_SETTINGS,
): MachineCache {
  const entries = new Map<string, Entry>();
  const remember = (id: string, machine: Machine | undefined, ttlMs: number) => {
    entries.delete(id);
    entries.set(id, { machine, until: clock.now() + ttlMs });
    while (entries.size > settings.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  return {
    async lookup(machineId) {
      const cached = entries.get(machineId);
      if (cached && cached.until > clock.now()) return cached.machine;
      try {
        const machine = await machines.getMachine(machineId);
        remember(machineId, machine, settings.ttlMs);
        return machine;
      } catch (error) {
        logger.warn(
          { machineId, error: describeError(error) },
          'Could not read the machine from Defender; the card is drawn without its details',
        );
        remember(machineId, undefined, settings.failureTtlMs);
        return undefined;
      }
    },
  };
}
