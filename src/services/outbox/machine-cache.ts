import type { Machine, MachineLogonUser } from '../../domain/machines/machine';
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

/** Machine details for cards and approvals, looked up in Defender at most once per machine and `ttlMs`. */
export interface MachineCache {
  /** The machine, or undefined when Defender could not say (the card is then drawn without it). */
  lookup(machineId: string): Promise<Machine | undefined>;
  /** Who logs on to the machine, or undefined when Defender could not say. */
  logonUsers(machineId: string): Promise<readonly MachineLogonUser[] | undefined>;
}

interface Entry<T> {
  readonly value: T | undefined;
  readonly until: number;
}

/** One cached Defender lookup by machine id: answers (and failures) are kept for a while. */
function cachedLookup<T>(
  lookup: (machineId: string) => Promise<T>,
  what: string,
  clock: Clock,
  logger: Logger,
  settings: MachineCacheSettings,
): (machineId: string) => Promise<T | undefined> {
  const entries = new Map<string, Entry<T>>();
  const remember = (id: string, value: T | undefined, ttlMs: number) => {
    entries.delete(id);
    entries.set(id, { value, until: clock.now() + ttlMs });
    while (entries.size > settings.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  const ask = async (machineId: string): Promise<T | undefined> => {
    try {
      const value = await lookup(machineId);
      remember(machineId, value, settings.ttlMs);
      return value;
    } catch (error) {
      logger.warn(
        { machineId, error: describeError(error) },
        `Could not read the ${what} from Defender; the card is drawn without it`,
      );
      remember(machineId, undefined, settings.failureTtlMs);
      return undefined;
    }
  };
  /** Lookups under way: callers asking for the same machine meanwhile share the one request. */
  const pending = new Map<string, Promise<T | undefined>>();
  return async (machineId) => {
    const cached = entries.get(machineId);
    if (cached && cached.until > clock.now()) return cached.value;
    const running = pending.get(machineId);
    if (running) return running;
    const asking = ask(machineId).finally(() => pending.delete(machineId));
    pending.set(machineId, asking);
    return asking;
  };
}

/**
 * A small cache in front of `MdePort.getMachine` and `getMachineLogonUsers`. A failure is logged and
 * remembered for `failureTtlMs`, so an alert storm during a Defender outage does not ask once per card.
 */
export function createMachineCache(
  machines: Pick<MdePort, 'getMachine'> & Partial<Pick<MdePort, 'getMachineLogonUsers'>>,
  clock: Clock,
  logger: Logger,
  settings: MachineCacheSettings = DEFAULT_SETTINGS,
): MachineCache {
  const logonLookup = machines.getMachineLogonUsers?.bind(machines);
  return {
    lookup: cachedLookup((id) => machines.getMachine(id), 'machine', clock, logger, settings),
    logonUsers: logonLookup
      ? cachedLookup(logonLookup, "machine's logged-on users", clock, logger, settings)
      : async () => undefined,
  };
}
