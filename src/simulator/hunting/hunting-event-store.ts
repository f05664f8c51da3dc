import { maybeAddAttack } from './hunting-attack-scenarios';
import { addBenignActivity, type BucketEvents, HOUR_MS } from './hunting-benign-activity';
import type { HuntMachine } from './hunting-estate';
import { EventFactory } from './hunting-event-factory';
import { SeededRandom } from './hunting-random';
import type { KqlRow } from './kql-types';

export type DeviceEventKind = keyof BucketEvents;

/**
 * The events of one machine in hour `bucket` (hours since the epoch). The PRNG is seeded with the machine
 * id and the bucket, so an hour always holds the same events, whenever it is generated.
 */
export function generateBucket(machine: HuntMachine, bucket: number): BucketEvents {
  const rng = new SeededRandom(`${machine.id}|${bucket}`);
  const factory = new EventFactory(machine, rng);
  const start = bucket * HOUR_MS;
  const events: BucketEvents = { process: [], network: [], logon: [] };
  addBenignActivity(machine, rng, factory, start, events);
  maybeAddAttack(machine, rng, factory, start, events);
  return events;
}

interface MachineCache {
  signature: string;
  readonly buckets: Map<number, BucketEvents>;
}

const byTimestamp = (a: KqlRow, b: KqlRow) => (a.Timestamp as number) - (b.Timestamp as number);

/** The first index whose row is at or after `time` (rows sorted by Timestamp). */
function lowerBound(rows: readonly KqlRow[], time: number): number {
  let [lo, hi] = [0, rows.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid]!.Timestamp as number) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A table assembled from whole hours, reused until the hours or the machines change. */
interface AssembledTable {
  readonly key: string;
  readonly rows: readonly KqlRow[];
}

/**
 * Generated machine-hours, kept so that a query costs milliseconds: each hour is generated once, each
 * table is assembled once per hour of the clock, and a query only slices it. Hours older than the window
 * are dropped.
 */
export class DeviceEventStore {
  private readonly machines = new Map<string, MachineCache>();
  private readonly tables = new Map<DeviceEventKind, AssembledTable>();

  /** The `kind` events of these machines with `fromMs <= Timestamp <= toMs`, oldest first. */
  rows(kind: DeviceEventKind, machines: readonly HuntMachine[], fromMs: number, toMs: number): KqlRow[] {
    // Whole hours around the window, so the assembled table serves every query of this hour.
    const first = Math.floor(fromMs / HOUR_MS) * HOUR_MS;
    const last = (Math.floor(toMs / HOUR_MS) + 1) * HOUR_MS - 1;
    const key = JSON.stringify([
      first,
      machines.map((m) => [m.id, m.signature, m.activeFromMs, m.activeUntilMs]),
    ]);
    let table = this.tables.get(kind);
    if (table?.key !== key) {
      table = { key, rows: this.assemble(kind, machines, first, last) };
      this.tables.set(kind, table);
    }
    const rows = table.rows;
    let end = lowerBound(rows, toMs);
    while (end < rows.length && (rows[end]!.Timestamp as number) <= toMs) end += 1;
    return rows.slice(lowerBound(rows, fromMs), end);
  }

  private assemble(
    kind: DeviceEventKind,
    machines: readonly HuntMachine[],
    fromMs: number,
    toMs: number,
  ): KqlRow[] {
    const rows: KqlRow[] = [];
    for (const machine of machines) {
      const from = Math.max(fromMs, machine.activeFromMs);
      const to = Math.min(toMs, machine.activeUntilMs);
      if (from > to) continue;
      for (const events of this.bucketsOf(machine, from, to)) {
        for (const row of events[kind]) {
          const time = row.Timestamp as number;
          if (time >= from && time <= to) rows.push(row);
        }
      }
    }
    this.forgetOthers(machines);
    return rows.sort(byTimestamp);
  }

  private *bucketsOf(machine: HuntMachine, fromMs: number, toMs: number): Generator<BucketEvents> {
    const cache = this.cacheOf(machine);
    // An attack may spill into the next hour, so the hour before the window is read too.
    const first = Math.floor(fromMs / HOUR_MS) - 1;
    const last = Math.floor(toMs / HOUR_MS);
    for (let bucket = first; bucket <= last; bucket += 1) {
      let events = cache.buckets.get(bucket);
      if (!events) {
        events = generateBucket(machine, bucket);
        cache.buckets.set(bucket, events);
      }
      yield events;
    }
    if (cache.buckets.size > last - first + 48) {
      for (const bucket of cache.buckets.keys()) if (bucket < first) cache.buckets.delete(bucket);
    }
  }

  private cacheOf(machine: HuntMachine): MachineCache {
    let cache = this.machines.get(machine.id);
    if (!cache || cache.signature !== machine.signature) {
      cache = { signature: machine.signature, buckets: new Map() };
      this.machines.set(machine.id, cache);
    }
    return cache;
  }

  private forgetOthers(machines: readonly HuntMachine[]): void {
    if (this.machines.size <= machines.length) return;
    const present = new Set(machines.map((m) => m.id));
    for (const id of this.machines.keys()) if (!present.has(id)) this.machines.delete(id);
  }
}
