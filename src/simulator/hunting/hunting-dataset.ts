import type { SimState } from '../state/sim-state';
import { alertEvidenceRows, alertInfoRows } from './hunting-alert-tables';
import { deviceInfoRows } from './hunting-device-info';
import { readHuntEstate } from './hunting-estate';
import { DeviceEventStore } from './hunting-event-store';
import { HUNTING_SCHEMAS, type HuntingTableName } from './hunting-schemas';
import type { KqlCatalog, KqlTableSource } from './kql-evaluator';
import type { KqlRow } from './kql-types';

/** Advanced hunting keeps 30 days of data. */
export const RETENTION_MS = 30 * 86_400_000;

/** What the dataset reads: the simulator's live state. */
export interface HuntingSource {
  readonly state: SimState;
}

/**
 * The advanced-hunting tables over the simulator's estate. Device events are generated per machine-hour
 * from a seeded PRNG (so the same time gives the same rows, and new hours add rows as the clock moves);
 * alert tables are read from the live alerts.
 */
export class HuntingDataset {
  private readonly events = new DeviceEventStore();

  constructor(private readonly source: HuntingSource) {}

  /** The tables as they stand at `nowMs`: the 30 days up to it. */
  at(nowMs: number): KqlCatalog {
    const fromMs = nowMs - RETENTION_MS;
    let machines: ReturnType<typeof readHuntEstate> | undefined;
    const estate = () => {
      machines ??= readHuntEstate(this.source.state);
      return machines;
    };
    const rowsOf = (name: HuntingTableName): KqlRow[] => {
      const state = this.source.state;
      switch (name) {
        case 'DeviceProcessEvents':
          return this.events.rows('process', estate(), fromMs, nowMs);
        case 'DeviceNetworkEvents':
          return this.events.rows('network', estate(), fromMs, nowMs);
        case 'DeviceLogonEvents':
          return this.events.rows('logon', estate(), fromMs, nowMs);
        case 'DeviceInfo':
          return deviceInfoRows(estate(), fromMs, nowMs);
        case 'AlertInfo':
          return alertInfoRows(state, fromMs, nowMs);
        case 'AlertEvidence':
          return alertEvidenceRows(state, fromMs, nowMs);
      }
    };
    return {
      table: (name: string): KqlTableSource | undefined => {
        if (!Object.hasOwn(HUNTING_SCHEMAS, name)) return undefined;
        const table = name as HuntingTableName;
        return { columns: HUNTING_SCHEMAS[table], rows: () => rowsOf(table) };
      },
      tableNames: () => Object.keys(HUNTING_SCHEMAS),
    };
  }
}
