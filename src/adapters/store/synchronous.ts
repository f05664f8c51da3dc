import type { StoreTx } from '../../services/ports/store.port';

/**
 * A port's repository with the promises taken off. The SQLite repositories implement this: each call
 * runs to its end in one go (better-sqlite3 is synchronous), so the store can wrap it whole in a
 * transaction or a savepoint and hand the port its promise.
 */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/** The SQLite repositories, one per repository of `StoreTx`. */
export type SynchronousRepositories = { readonly [K in keyof StoreTx]: Synchronous<StoreTx[K]> };
