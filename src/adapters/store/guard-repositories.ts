import type { StoreTx } from '../../services/ports/store.port';
import type { SynchronousRepositories } from './synchronous';

/**
 * How a guarded repository call runs: `operation` names it (`outbox.claim`), `call` does the work,
 * synchronously. The runner decides what surrounds it (a lock, a transaction or a savepoint, checks,
 * error mapping) and settles with its result.
 */
export type RepositoryCallRunner = (operation: string, call: () => unknown) => Promise<unknown>;

/** Gives the port's async repositories whose every call goes through `runner`. */
export function guardRepositories(repos: SynchronousRepositories, runner: RepositoryCallRunner): StoreTx {
  return {
    alerts: guard(repos.alerts, 'alerts', runner),
    folds: guard(repos.folds, 'folds', runner),
    cards: guard(repos.cards, 'cards', runner),
    outbox: guard(repos.outbox, 'outbox', runner),
    checkpoints: guard(repos.checkpoints, 'checkpoints', runner),
    conversations: guard(repos.conversations, 'conversations', runner),
    settings: guard(repos.settings, 'settings', runner),
    roles: guard(repos.roles, 'roles', runner),
    audit: guard(repos.audit, 'audit', runner),
    actions: guard(repos.actions, 'actions', runner),
    rules: guard(repos.rules, 'rules', runner),
  } as StoreTx;
}

function guard<T extends object>(repository: T, name: string, runner: RepositoryCallRunner): unknown {
  return new Proxy(repository, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const operation = `${name}.${String(key)}`;
      return (...args: unknown[]) => runner(operation, () => value.apply(target, args));
    },
  });
}
