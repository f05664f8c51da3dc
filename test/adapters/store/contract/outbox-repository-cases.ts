import assert from 'node:assert/strict';
import type { StoreContractContext } from './store-contract-context';
import { at, seedGroup } from './store-fixtures';

/** The contract of `OutboxRepository`: coalescing, leases, retries and failures. */
export function outboxRepositoryCases(ctx: StoreContractContext): void {
  const outbox = () => ctx.store().repos.outbox;

  describe('outbox', () => {
    beforeEach(async () => {
      await seedGroup(ctx.store().repos, 'g1');
      await seedGroup(ctx.store().repos, 'g2');
    });

    it('should queue an item and hand it out as it was queued', async () => {
      assert.equal(
        await outbox().enqueue({ kind: 'reply', groupId: 'g1', payload: { text: 'Isolating' }, at: at(1) }),
        true,
      );
      const [item, ...rest] = await outbox().claim(at(1), 10, at(2));
      assert.deepEqual(rest, []);
      assert.deepEqual(
        { ...item, id: 0 },
        {
          id: 0,
          kind: 'reply',
          groupId: 'g1',
          payload: { text: 'Isolating' },
          attempts: 0,
          notBefore: at(1),
          createdAt: at(1),
        },
      );
    });

    coalescingCases(ctx);

    leaseCases(ctx);

    it('should refuse an item for a group that does not exist', async () => {
      await assert.rejects(outbox().enqueue({ kind: 'postCard', groupId: 'nope', at: at(0) }), {
        code: 'STORE.REFERENCE_MISSING',
      });
    });
  });
}

function coalescingCases(ctx: StoreContractContext): void {
  const outbox = () => ctx.store().repos.outbox;

  it('should fold a second waiting card update for a group into the first', async () => {
    assert.equal(await outbox().enqueue({ kind: 'updateCard', groupId: 'g1', at: at(1) }), true);
    assert.equal(await outbox().enqueue({ kind: 'updateCard', groupId: 'g1', at: at(2) }), false);
    assert.equal(await outbox().enqueue({ kind: 'updateCard', groupId: 'g2', at: at(2) }), true);
    assert.equal(await outbox().depth(), 2);
  });

  it('should queue a new card update once the waiting one is claimed, and after it is sent', async () => {
    await outbox().enqueue({ kind: 'updateCard', groupId: 'g1', at: at(1) });
    const [claimed] = await outbox().claim(at(1), 10, at(2));
    assert.equal(await outbox().enqueue({ kind: 'updateCard', groupId: 'g1', at: at(1) }), true);
    assert.equal(await outbox().enqueue({ kind: 'updateCard', groupId: 'g1', at: at(1) }), false);
    await outbox().complete(claimed!.id);
    const [next] = await outbox().claim(at(1), 10, at(2));
    await outbox().complete(next!.id);
    assert.equal(await outbox().enqueue({ kind: 'updateCard', groupId: 'g1', at: at(3) }), true);
    assert.equal(await outbox().depth(), 1);
  });

  it('should post a group card once, ever', async () => {
    assert.equal(await outbox().enqueue({ kind: 'postCard', groupId: 'g1', at: at(1) }), true);
    assert.equal(await outbox().enqueue({ kind: 'postCard', groupId: 'g1', at: at(2) }), false);
    const [item] = await outbox().claim(at(2), 10, at(3));
    await outbox().complete(item!.id);
    assert.equal(await outbox().enqueue({ kind: 'postCard', groupId: 'g1', at: at(3) }), false);
  });

  it('should never fold replies', async () => {
    assert.equal(
      await outbox().enqueue({ kind: 'reply', groupId: 'g1', payload: { text: 'a' }, at: at(1) }),
      true,
    );
    assert.equal(
      await outbox().enqueue({ kind: 'reply', groupId: 'g1', payload: { text: 'a' }, at: at(1) }),
      true,
    );
    assert.equal(await outbox().depth(), 2);
  });
}

/** Claims, leases, retries and failures. */
function leaseCases(ctx: StoreContractContext): void {
  const outbox = () => ctx.store().repos.outbox;
  const claimIds = async (minute: number, limit = 10, leaseMinutes = 1) =>
    (await outbox().claim(at(minute), limit, at(minute + leaseMinutes))).map((i) => i.id);

  it('should hand out only due items, oldest first, up to the limit', async () => {
    await outbox().enqueue({ kind: 'reply', groupId: 'g1', at: at(1) });
    await outbox().enqueue({ kind: 'reply', groupId: 'g2', at: at(2) });
    await outbox().enqueue({ kind: 'reply', groupId: 'g1', at: at(3) });
    assert.deepEqual(await claimIds(0), []);
    const firstTwo = await claimIds(5, 2);
    assert.equal(firstTwo.length, 2);
    assert.ok(firstTwo[0]! < firstTwo[1]!);
    assert.equal((await claimIds(5)).length, 1);
    assert.deepEqual(await outbox().claim(at(5), 0, at(6)), []);
  });

  it('should lease claimed items until the lease ends, then hand them out again', async () => {
    await outbox().enqueue({ kind: 'updateCard', groupId: 'g1', at: at(0) });
    const [id] = await claimIds(1, 10, 2);
    assert.deepEqual(await claimIds(2), []);
    const again = await outbox().claim(at(3), 10, at(4));
    assert.deepEqual(
      again.map((i) => [i.id, i.attempts]),
      [[id, 1]],
    );
  });

  it('should not hand the same item to two claims made at once', async () => {
    for (let i = 0; i < 6; i += 1) await outbox().enqueue({ kind: 'reply', groupId: 'g1', at: at(0) });
    const [a, b] = await Promise.all([claimIds(1, 4), claimIds(1, 4)]);
    assert.equal(new Set([...a!, ...b!]).size, 6);
  });

  it('should try again at the new time, counting the attempt', async () => {
    await outbox().enqueue({ kind: 'reply', groupId: 'g1', at: at(0) });
    const [id] = await claimIds(1);
    await outbox().retry(id!, at(10), 'Teams said 429');
    assert.deepEqual(await claimIds(9), []);
    const [item] = await outbox().claim(at(10), 10, at(11));
    assert.equal(item?.attempts, 1);
    assert.equal(item?.notBefore, at(10));
  });

  it('should keep completed and failed items out of the queue for good', async () => {
    await outbox().enqueue({ kind: 'reply', groupId: 'g1', at: at(0) });
    await outbox().enqueue({ kind: 'reply', groupId: 'g2', at: at(0) });
    await outbox().enqueue({ kind: 'reply', groupId: 'g2', at: at(0) });
    assert.equal(await outbox().depth(), 3);
    const [sent, failed] = await claimIds(1, 2);
    await outbox().complete(sent!);
    await outbox().fail(failed!, 'The bot was removed from the team');
    await outbox().retry(failed!, at(2), 'late answer');
    assert.equal(await outbox().depth(), 1);
    assert.equal((await claimIds(60)).length, 1);
  });
}
