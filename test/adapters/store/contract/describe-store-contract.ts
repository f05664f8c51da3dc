import type { Store } from '../../../../src/services/ports/store.port';
import { actionRepositoryCases } from './action-repository-cases';
import { alertRepositoryCases } from './alert-repository-cases';
import { auditRepositoryCases } from './audit-repository-cases';
import { cardRepositoryCases } from './card-repository-cases';
import { checkpointRepositoryCases } from './checkpoint-repository-cases';
import { conversationRepositoryCases } from './conversation-repository-cases';
import { durabilityCases } from './durability-cases';
import { foldRepositoryCases } from './fold-repository-cases';
import { outboxRepositoryCases } from './outbox-repository-cases';
import { roleRepositoryCases } from './role-repository-cases';
import { ruleRepositoryCases } from './rule-repository-cases';
import { settingsRepositoryCases } from './settings-repository-cases';
import type { StoreContractContext, StoreContractHooks } from './store-contract-context';
import { transactionCases } from './transaction-cases';

/**
 * The store contract: the same cases for every implementation of the `Store` port (SQLite in memory,
 * SQLite in a file, PostgreSQL). `openStore` opens a store on the current test's database: empty at
 * the start of each test (the caller arranges that, e.g. a fresh file in a `beforeEach`), and, when
 * `hooks.durable`, the same database each time it is called within a test.
 */
export function describeStoreContract(
  name: string,
  openStore: () => Promise<Store>,
  hooks: StoreContractHooks = {},
): void {
  describe(name, () => {
    let opened: Store[] = [];
    const ctx: StoreContractContext = {
      store: () => {
        const first = opened[0];
        if (first === undefined) throw new Error('No store is open: the contract opens one per test.');
        return first;
      },
      open: async () => {
        const store = await openStore();
        opened.push(store);
        return store;
      },
      hooks,
    };

    beforeEach(async () => {
      opened = [];
      await ctx.open();
    });

    afterEach(async () => {
      for (const store of opened) await store.close();
    });

    alertRepositoryCases(ctx);
    foldRepositoryCases(ctx);
    cardRepositoryCases(ctx);
    outboxRepositoryCases(ctx);
    checkpointRepositoryCases(ctx);
    conversationRepositoryCases(ctx);
    settingsRepositoryCases(ctx);
    roleRepositoryCases(ctx);
    auditRepositoryCases(ctx);
    actionRepositoryCases(ctx);
    ruleRepositoryCases(ctx);
    transactionCases(ctx);
    durabilityCases(ctx);
  });
}
