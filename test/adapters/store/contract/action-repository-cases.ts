import assert from 'node:assert/strict';
import { finishAction } from '../../../../src/domain/actions/finish-action';
import { releasedKey } from '../../../../src/domain/actions/intent-key';
import type { ResponseAction } from '../../../../src/domain/actions/response-action';
import type { ActionListQuery } from '../../../../src/services/ports/store.port';
import type { StoreContractContext } from './store-contract-context';
import { at, makeAction } from './store-fixtures';

/** The contract of `ActionRepository`. */
export function actionRepositoryCases(ctx: StoreContractContext): void {
  describe('actions', () => {
    keepingCases(ctx);
    claimCases(ctx);
    listCases(ctx);
  });
}

function keepingCases(ctx: StoreContractContext): void {
  it('should return nothing for an action or a key it does not hold', async () => {
    const { actions } = ctx.store().repos;
    assert.equal(await actions.get('nope'), undefined);
    assert.equal(await actions.getByKey('isolation:nope'), undefined);
  });

  it('should keep an inserted action exactly, by id and by request key', async () => {
    const { actions } = ctx.store().repos;
    const action = makeAction({ requestedAt: '2026-01-01T10:00:00.1234567Z' });
    await actions.insert(action);
    assert.deepEqual(await actions.get(action.id), action);
    assert.deepEqual(await actions.getByKey(action.requestKey), action);
  });

  it('should refuse a second action with a taken id or a held request key', async () => {
    const { actions } = ctx.store().repos;
    const first = makeAction();
    await actions.insert(first);
    await assert.rejects(actions.insert(makeAction({ requestKey: 'scan:machine-1' })), {
      code: 'STORE.CONFLICT',
    });
    await assert.rejects(actions.insert(makeAction({ id: 'act-2', origin: 'rule' })), {
      code: 'STORE.CONFLICT',
    });
    assert.deepEqual(await actions.getByKey(first.requestKey), first);
    assert.equal(await actions.get('act-2'), undefined);
  });

  it('should free the intent once the action holding it releases its key', async () => {
    const { actions } = ctx.store().repos;
    const first = makeAction();
    await actions.insert(first);
    const finished = finishAction(first, 'succeeded', at(3));
    assert.equal(finished.requestKey, releasedKey(first.requestKey, first.id));
    await actions.update(finished);
    const second = makeAction({ id: 'act-2', kind: 'unisolate', requestedAt: at(4), updatedAt: at(4) });
    await actions.insert(second);
    assert.deepEqual(await actions.getByKey(first.requestKey), second);
    assert.deepEqual(await actions.getByKey(finished.requestKey), finished);
    assert.deepEqual(await actions.get(first.id), finished);
  });

  it('should store every field of an updated action, and drop the ones a later version lacks', async () => {
    const { actions } = ctx.store().repos;
    const { nextCheckAt: _next, ...bare } = makeAction({ state: 'awaitingApproval' });
    await actions.insert(bare);
    const full: ResponseAction = {
      ...bare,
      params: {
        isolationType: 'Selective',
        scanType: 'Quick',
        reason: 'r',
        classification: 'truePositive',
        determination: 'Malware',
        comment: 'c',
        assignee: 'bob@contoso.com',
      },
      state: 'inProgress',
      approval: {
        reason: 'pc-finance-01 is protected (tag tier0)',
        expiresAt: at(30),
        decidedBy: { aadObjectId: 'bob', name: 'Bob Approver' },
        decidedAt: at(2),
      },
      defenderComment: 'Vigil act-1: isolate requested by Ana Analyst',
      defenderActionId: 'mda-7',
      defenderStatus: 'InProgress',
      outcomeNote: 'Waiting for the machine to check in.',
      attempts: 3,
      nextCheckAt: at(5),
      updatedAt: at(2),
      finishedAt: at(2),
    };
    await actions.update(full);
    assert.deepEqual(await actions.get(full.id), full);
    const { machineId: _m, machineName: _n, approval: _a, ...lean } = full;
    const later: ResponseAction = { ...lean, params: {}, state: 'failed', updatedAt: at(6) };
    await actions.update(later);
    assert.deepEqual(await actions.get(full.id), later);
    assert.deepEqual(await actions.getByKey(full.requestKey), later);
  });

  it('should refuse to update an action it does not hold', async () => {
    await assert.rejects(ctx.store().repos.actions.update(makeAction({ id: 'nope' })), {
      code: 'STORE.NOT_FOUND',
    });
    assert.equal(await ctx.store().repos.actions.get('nope'), undefined);
  });

  it('should refuse a time that is not ISO-8601', async () => {
    const { actions } = ctx.store().repos;
    await assert.rejects(actions.insert(makeAction({ requestedAt: 'yesterday' })), {
      code: 'STORE.INVALID_TIME',
    });
    await assert.rejects(actions.insert(makeAction({ nextCheckAt: 'soon' })), { code: 'STORE.INVALID_TIME' });
    await actions.insert(makeAction());
    await assert.rejects(actions.update(makeAction({ updatedAt: 'now' })), { code: 'STORE.INVALID_TIME' });
    await assert.rejects(actions.claimDue('now', 5, at(9)), { code: 'STORE.INVALID_TIME' });
  });

  it('should drop an action inserted in a transaction that fails', async () => {
    const store = ctx.store();
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.actions.insert(makeAction());
        throw new Error('the request failed');
      }),
    );
    assert.equal(await store.repos.actions.get('act-1'), undefined);
  });
}

function claimCases(ctx: StoreContractContext): void {
  /** Four open actions due at 10:01 (b, a), 10:03 (c) and 10:10 (d), and a final one. */
  const seed = async () => {
    const { actions } = ctx.store().repos;
    const action = (id: string, nextCheckAt: string | undefined) => {
      const { nextCheckAt: _next, ...rest } = makeAction({ id, requestKey: `scan:${id}`, kind: 'scan' });
      return nextCheckAt === undefined
        ? { ...rest, state: 'succeeded' as const, finishedAt: at(0) }
        : { ...rest, nextCheckAt };
    };
    await actions.insert(action('c', at(3)));
    await actions.insert(action('b', at(1)));
    await actions.insert(action('a', at(1)));
    await actions.insert(action('d', at(10)));
    await actions.insert(action('done', undefined));
  };
  const claimIds = async (now: string, limit: number, leaseUntil: string) =>
    (await ctx.store().repos.actions.claimDue(now, limit, leaseUntil)).map((a) => a.id);

  it('should claim only due actions, the most overdue first, and hold them until the lease ends', async () => {
    await seed();
    const { actions } = ctx.store().repos;
    const claimed = await actions.claimDue(at(5), 10, at(7));
    assert.deepEqual(
      claimed.map((a) => [a.id, a.nextCheckAt]),
      [
        ['a', at(7)],
        ['b', at(7)],
        ['c', at(7)],
      ],
    );
    assert.deepEqual(await actions.get('a'), claimed[0]);
    assert.deepEqual(await claimIds(at(5), 10, at(8)), []);
    assert.deepEqual(await claimIds(at(6), 10, at(8)), []);
    assert.deepEqual(await claimIds(at(7), 10, at(9)), ['a', 'b', 'c']);
    assert.deepEqual(await claimIds(at(10), 10, at(12)), ['a', 'b', 'c', 'd']);
    assert.equal((await actions.get('done'))?.nextCheckAt, undefined);
  });

  it('should claim at most the limit, leaving the rest due', async () => {
    await seed();
    assert.deepEqual(await claimIds(at(5), 2, at(7)), ['a', 'b']);
    assert.deepEqual(await claimIds(at(5), 0, at(7)), []);
    assert.deepEqual(await claimIds(at(5), 2, at(7)), ['c']);
  });

  it('should tell when the next action is due', async () => {
    const { actions } = ctx.store().repos;
    assert.equal(await actions.nextDue(), undefined);
    await seed();
    assert.equal(await actions.nextDue(), at(1));
    await actions.claimDue(at(5), 10, at(20));
    assert.equal(await actions.nextDue(), at(10));
  });
}

function listCases(ctx: StoreContractContext): void {
  const seed = async () => {
    const { actions } = ctx.store().repos;
    const action = (id: string, minute: number, overrides: Partial<ResponseAction>) =>
      makeAction({ id, requestKey: `k:${id}`, requestedAt: at(minute), updatedAt: at(minute), ...overrides });
    await actions.insert(action('iso-m1', 1, { machineId: 'Machine-1', state: 'succeeded' }));
    await actions.insert(action('scan-m1', 2, { kind: 'scan', machineId: 'MACHINE-1', state: 'inProgress' }));
    await actions.insert(action('iso-m2', 3, { alertId: 'da-2', machineId: 'machine-2' }));
    const { machineId: _m, ...resolve } = action('resolve', 4, { kind: 'resolve', state: 'failed' });
    await actions.insert(resolve);
  };
  const ids = async (query: ActionListQuery) =>
    (await ctx.store().repos.actions.list(query)).map((a) => a.id);

  it('should list actions newest request first, up to the limit', async () => {
    await seed();
    assert.deepEqual(await ids({ limit: 10 }), ['resolve', 'iso-m2', 'scan-m1', 'iso-m1']);
    assert.deepEqual(await ids({ limit: 2 }), ['resolve', 'iso-m2']);
    assert.deepEqual(await ids({ limit: 0 }), []);
    await assert.rejects(ids({ limit: -1 }), { code: 'STORE.INVALID_QUERY' });
  });

  it('should list actions by alert, machine (any case), state and request time', async () => {
    await seed();
    assert.deepEqual(await ids({ alertId: 'da-1', limit: 10 }), ['resolve', 'scan-m1', 'iso-m1']);
    assert.deepEqual(await ids({ machineId: 'mAcHiNe-1', limit: 10 }), ['scan-m1', 'iso-m1']);
    assert.deepEqual(await ids({ states: ['queued', 'inProgress'], limit: 10 }), ['iso-m2', 'scan-m1']);
    assert.deepEqual(await ids({ states: [], limit: 10 }), []);
    assert.deepEqual(await ids({ since: at(3), limit: 10 }), ['resolve', 'iso-m2']);
    assert.deepEqual(
      await ids({ alertId: 'da-1', machineId: 'machine-1', states: ['succeeded'], since: at(0), limit: 10 }),
      ['iso-m1'],
    );
  });
}
