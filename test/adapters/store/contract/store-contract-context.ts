import type { Store } from '../../../../src/services/ports/store.port';

/** What the contract's cases get: the store opened for the current test, and more when it is durable. */
export interface StoreContractContext {
  /** The store opened for the current test. */
  store(): Store;
  /** Opens another store on the current test's database (tracked and closed after the test). */
  open(): Promise<Store>;
  readonly hooks: StoreContractHooks;
}

/** What an implementation adds to the contract so its durability cases can run. */
export interface StoreContractHooks {
  /** True when `openStore()` opened again reaches the same data (a file, a server), not a fresh one. */
  readonly durable?: boolean;
  /** The migrations recorded in the current test's database, for checking they are applied once. */
  readonly recordedMigrations?: () => Promise<readonly { version: number; appliedAt: string }[]>;
  /** Records in the current test's database (its store closed) a schema version newer than the code's. */
  readonly recordNewerSchemaVersion?: () => Promise<void>;
}
