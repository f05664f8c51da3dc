import assert from 'node:assert/strict';
import type { StoreTx } from '../../../../src/services/ports/store.port';
import type { StoreContractContext } from './store-contract-context';
import { at, makeAlert, seedGroup, yieldTurn } from './store-fixtures';

/** The contract of `Store.transaction`: all or nothing, one at a time. */
export function transactionCases(ctx: StoreContractContext): void {
  describe('transactions', () => {
    it('should keep everything a transaction wrote and return its result', async () => {
      const store = ctx.store();
      const result = await store.transaction(async (tx) => {
        await seedGroup(tx, 'g1');
        await yieldTurn();
        return tx.outbox.enqueue({ kind: 'postCard', groupId: 'g1', at: at(0) });
      });
      assert.equal(result, true);
      assert.notEqual(await store.repos.folds.get('g1'), undefined);
      assert.equal(await store.repos.outbox.depth(), 1);
    });

    it('should keep nothing of a transaction that threw, and pass on its error', async () => {
      const store = ctx.store();
      const boom = new Error('boom');
      const work = async (tx: StoreTx) => {
        await seedGroup(tx, 'g1');
        await tx.settings.set('k', 'v');
        await yieldTurn();
        throw boom;
      };
      await assert.rejects(store.transaction(work), (error) => error === boom);
      assert.equal(await store.repos.alerts.count(), 0);
      assert.equal(await store.repos.folds.get('g1'), undefined);
      assert.equal(await store.repos.settings.get('k'), undefined);
    });

    it('should run concurrent transactions one after another, losing no update', async () => {
      const store = ctx.store();
      const increment = () =>
        store.transaction(async (tx) => {
          const value = Number((await tx.settings.get('counter')) ?? '0');
          await yieldTurn();
          await tx.settings.set('counter', String(value + 1));
        });
      await Promise.all(Array.from({ length: 8 }, increment));
      assert.equal(await store.repos.settings.get('counter'), '8');
    });

    it('should make calls outside a transaction wait for it and see only what it committed', async () => {
      const store = ctx.store();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let written!: () => void;
      const hasWritten = new Promise<void>((resolve) => {
        written = resolve;
      });
      const running = store.transaction(async (tx) => {
        await tx.settings.set('k', 'never committed');
        written();
        await gate;
        throw new Error('rolled back');
      });
      await hasWritten;
      const outside = store.repos.settings.get('k');
      await yieldTurn();
      release();
      await assert.rejects(running, /rolled back/);
      assert.equal(await outside, undefined);
    });

    it('should undo a failed call inside a transaction and keep the rest', async () => {
      const store = ctx.store();
      await store.transaction(async (tx) => {
        await tx.settings.set('k', 'kept');
        await assert.rejects(tx.outbox.enqueue({ kind: 'reply', groupId: 'nope', at: at(0) }));
      });
      assert.equal(await store.repos.settings.get('k'), 'kept');
      assert.equal(await store.repos.outbox.depth(), 0);
    });

    misuseCases(ctx);
  });
}

function misuseCases(ctx: StoreContractContext): void {
  it('should refuse a transaction started inside another', async () => {
    const store = ctx.store();
    await store.transaction(async () => {
      await assert.rejects(
        store.transaction(async () => undefined),
        { code: 'STORE.NESTED_TRANSACTION' },
      );
    });
  });

  it('should refuse the outside repositories inside a transaction', async () => {
    const store = ctx.store();
    await store.transaction(async () => {
      await assert.rejects(store.repos.settings.get('k'), { code: 'STORE.REPOS_IN_TRANSACTION' });
    });
  });

  it("should refuse a transaction's repositories once it has ended", async () => {
    const store = ctx.store();
    const leaked = await store.transaction(async (tx) => tx);
    await assert.rejects(leaked.alerts.save(makeAlert(), at(0)), { code: 'STORE.TRANSACTION_FINISHED' });
    assert.equal(await store.repos.alerts.count(), 0);
  });

  it('should let a running transaction finish before closing, and refuse calls after', async () => {
    const store = await ctx.open();
    const running = store.transaction(async (tx) => {
      await yieldTurn();
      await tx.settings.set('k', 'v');
      return 'done';
    });
    await store.close();
    assert.equal(await running, 'done');
    await assert.rejects(store.repos.settings.get('k'), { code: 'STORE.CLOSED' });
    await assert.rejects(
      store.transaction(async () => undefined),
      { code: 'STORE.CLOSED' },
    );
    await store.close();
  });
}
