import assert from 'node:assert/strict';
import { parseRule } from '../../../../src/domain/rules/parse-rule';
import type { StoredRule } from '../../../../src/services/ports/store.port';
import type { StoreContractContext } from './store-contract-context';
import { at, makeRule } from './store-fixtures';

/** A rule `id` named `name`, with the given options text (`order 5 stop`), added at `minute`. */
function rule(id: string, name: string, minute: number, options = ''): StoredRule {
  return makeRule({
    id,
    definition: parseRule(`"${name}" when severity >= medium then scan quick ${options}`.trim()),
    createdAt: at(minute),
    updatedAt: at(minute),
  });
}

/** The contract of `RuleRepository`. */
export function ruleRepositoryCases(ctx: StoreContractContext): void {
  describe('rules', () => {
    keepingCases(ctx);
    orderCases(ctx);
    numberCases(ctx);
  });
}

function keepingCases(ctx: StoreContractContext): void {
  it('should return nothing for a rule it does not hold', async () => {
    const { rules } = ctx.store().repos;
    assert.equal(await rules.get('r1'), undefined);
    assert.equal(await rules.getByName('High sev isolate'), undefined);
    assert.deepEqual(await rules.list(), []);
  });

  it('should keep an inserted rule exactly, by id and by name in any case', async () => {
    const { rules } = ctx.store().repos;
    const stored = makeRule();
    await rules.insert(stored);
    assert.deepEqual(await rules.get('r1'), stored);
    assert.deepEqual(await rules.getByName('High sev isolate'), stored);
    assert.deepEqual(await rules.getByName('HIGH SEV ISOLATE'), stored);
    assert.deepEqual(await rules.getByName('high sev isolate'), stored);
    assert.equal(await rules.getByName('High sev'), undefined);
    assert.equal(await rules.get('R1'), undefined);
  });

  it('should refuse a rule whose id or name (any case) is taken', async () => {
    const { rules } = ctx.store().repos;
    const first = makeRule();
    await rules.insert(first);
    await assert.rejects(rules.insert(rule('r1', 'Another rule', 1)), { code: 'STORE.CONFLICT' });
    await assert.rejects(rules.insert(rule('r2', 'HIGH SEV isolate', 1)), { code: 'STORE.CONFLICT' });
    assert.equal(await rules.get('r2'), undefined);
    assert.equal(await rules.getByName('Another rule'), undefined);
    assert.deepEqual(await rules.list(), [first]);
  });

  it('should compare names ignoring the case of letters beyond ASCII', async () => {
    const { rules } = ctx.store().repos;
    await rules.insert(rule('r1', 'Ärger über Überwachung', 0));
    assert.equal((await rules.getByName('ÄRGER ÜBER ÜBERWACHUNG'))?.id, 'r1');
    await assert.rejects(rules.insert(rule('r2', 'ärger über überwachung', 1)), { code: 'STORE.CONFLICT' });
  });

  it('should store every field of an updated rule, and drop the ones a later version lacks', async () => {
    const { rules } = ctx.store().repos;
    await rules.insert(makeRule());
    const full: StoredRule = {
      id: 'r1',
      definition: parseRule(
        '"Tier0 watch" when (machine.tag = tier0 or machine = ws-*) and not title ~ /mimi(katz)?/i ' +
          'then isolate selective on user machines, require approval ' +
          'order 5 stop for 7d dry-run',
      ),
      enabled: false,
      createdBy: { aadObjectId: 'bob', name: 'Bob Admin' },
      createdAt: at(1),
      updatedAt: at(2),
      expiresAt: '2026-01-08T10:01:00.000Z',
    };
    await rules.update(full);
    assert.deepEqual(await rules.get('r1'), full);
    assert.deepEqual(await rules.getByName('tier0 WATCH'), full);
    assert.equal(await rules.getByName('High sev isolate'), undefined);
    const { expiresAt: _e, ...rest } = full;
    const later: StoredRule = { ...rest, definition: makeRule().definition, enabled: true, updatedAt: at(3) };
    await rules.update(later);
    assert.deepEqual(await rules.get('r1'), later);
    assert.deepEqual(await rules.list(), [later]);
  });

  it('should refuse to update a rule it does not hold, or to a name another rule has', async () => {
    const { rules } = ctx.store().repos;
    await assert.rejects(rules.update(makeRule({ id: 'r9' })), { code: 'STORE.NOT_FOUND' });
    assert.equal(await rules.get('r9'), undefined);
    await rules.insert(makeRule());
    const second = rule('r2', 'Scan medium', 1);
    await rules.insert(second);
    await assert.rejects(rules.update(makeRule({ id: 'r2', updatedAt: at(2) })), { code: 'STORE.CONFLICT' });
    assert.deepEqual(await rules.get('r2'), second);
  });

  it('should let a rule keep its name in another case', async () => {
    const { rules } = ctx.store().repos;
    await rules.insert(rule('r1', 'Scan medium', 0));
    const renamed = rule('r1', 'SCAN Medium', 0);
    await rules.update(renamed);
    assert.deepEqual(await rules.getByName('scan medium'), renamed);
    assert.equal(renamed.definition.name, 'SCAN Medium');
  });

  it('should remove a rule, say whether there was one, and free its name', async () => {
    const { rules } = ctx.store().repos;
    await rules.insert(makeRule());
    assert.equal(await rules.remove('r1'), true);
    assert.equal(await rules.remove('r1'), false);
    assert.equal(await rules.get('r1'), undefined);
    assert.equal(await rules.getByName('High sev isolate'), undefined);
    assert.deepEqual(await rules.list(), []);
    await rules.insert(makeRule({ id: 'r2' }));
    assert.equal((await rules.getByName('high sev isolate'))?.id, 'r2');
  });

  it('should refuse a time that is not ISO-8601', async () => {
    const { rules } = ctx.store().repos;
    await assert.rejects(rules.insert(makeRule({ createdAt: 'yesterday' })), { code: 'STORE.INVALID_TIME' });
    await assert.rejects(rules.insert(makeRule({ expiresAt: 'next week' })), { code: 'STORE.INVALID_TIME' });
    await rules.insert(makeRule());
    await assert.rejects(rules.update(makeRule({ updatedAt: 'now' })), { code: 'STORE.INVALID_TIME' });
    assert.deepEqual(await rules.get('r1'), makeRule());
  });

  it('should drop a rule inserted in a transaction that fails, and its number', async () => {
    const store = ctx.store();
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.rules.insert(makeRule({ id: 'r4' }));
        throw new Error('the command failed');
      }),
    );
    assert.equal(await store.repos.rules.get('r4'), undefined);
    assert.equal(await store.repos.rules.nextNumber(), 1);
  });
}

function orderCases(ctx: StoreContractContext): void {
  it('should list rules by their order (1000 when absent), then the oldest first, then by id', async () => {
    const { rules } = ctx.store().repos;
    await rules.insert(rule('r1', 'default old', 1));
    await rules.insert(rule('r2', 'late first', 5, 'order 1'));
    await rules.insert(rule('r3', 'after default', 0, 'order 1001'));
    await rules.insert(rule('r4', 'default new', 3));
    await rules.insert(rule('r10', 'same time b', 2));
    await rules.insert(rule('r9', 'same time a', 2));
    await rules.insert(rule('r5', 'explicit 1000', 2, 'order 1000'));
    assert.deepEqual(
      (await rules.list()).map((r) => r.id),
      ['r2', 'r1', 'r10', 'r5', 'r9', 'r4', 'r3'],
    );
  });

  it('should move a rule when an update changes its order', async () => {
    const { rules } = ctx.store().repos;
    await rules.insert(rule('r1', 'one', 0));
    await rules.insert(rule('r2', 'two', 1));
    await rules.update(rule('r2', 'two', 1, 'order 10'));
    assert.deepEqual(
      (await rules.list()).map((r) => r.id),
      ['r2', 'r1'],
    );
    await rules.update(rule('r2', 'two', 1));
    assert.deepEqual(
      (await rules.list()).map((r) => r.id),
      ['r1', 'r2'],
    );
  });
}

function numberCases(ctx: StoreContractContext): void {
  it('should give 1 as the first number, then one more than the highest id ever inserted', async () => {
    const { rules } = ctx.store().repos;
    assert.equal(await rules.nextNumber(), 1);
    await rules.insert(makeRule({ id: 'r1' }));
    assert.equal(await rules.nextNumber(), 2);
    await rules.insert(rule('r7', 'seven', 1));
    await rules.insert(rule('r3', 'three', 1));
    assert.equal(await rules.nextNumber(), 8);
    await rules.insert(rule('r010', 'ten', 1));
    assert.equal(await rules.nextNumber(), 11);
  });

  it('should never give a number again once its rule is removed', async () => {
    const { rules } = ctx.store().repos;
    await rules.insert(makeRule({ id: 'r1' }));
    await rules.insert(rule('r2', 'two', 1));
    assert.equal(await rules.remove('r2'), true);
    assert.equal(await rules.nextNumber(), 3);
    assert.equal(await rules.remove('r1'), true);
    assert.equal(await rules.nextNumber(), 3);
  });

  it('should not count ids that are not r<digits>, nor renumber on update', async () => {
    const { rules } = ctx.store().repos;
    for (const [i, id] of ['custom', 'r', 'r2b', 'R5', 'rule9', 'r-4'].entries()) {
      await rules.insert(rule(id, `rule ${i}`, i));
    }
    assert.equal(await rules.nextNumber(), 1);
    await rules.insert(rule('r2', 'two', 9));
    await rules.update(rule('r2', 'two again', 9));
    assert.equal(await rules.nextNumber(), 3);
  });
}
