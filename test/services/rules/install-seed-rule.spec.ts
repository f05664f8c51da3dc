import assert from 'node:assert/strict';
import { parseRule } from '../../../src/domain/rules/parse-rule';
import { installSeedRule, SEED_RULE_TEXT } from '../../../src/services/rules/install-seed-rule';
import { BOSS, T0, TENANT } from '../actions/action-test-kit';
import { type RuleKit, ruleKit } from './rule-test-kit';

describe('installSeedRule', () => {
  let r: RuleKit;
  beforeEach(async () => {
    r = await ruleKit();
  });
  afterEach(() => r.kit.store.close());

  const install = (enabled: boolean) =>
    installSeedRule({
      store: r.kit.store,
      audit: r.kit.audit,
      clock: r.kit.clock,
      enabled,
      tenantId: TENANT,
    });

  for (const enabled of [true, false]) {
    it(`installs the seed rule ${enabled ? 'enabled' : 'disabled'} on the first start, audited as Vigil's`, async () => {
      const rule = await install(enabled);
      assert.ok(rule);
      assert.equal(rule.id, 'r1');
      assert.equal(rule.enabled, enabled);
      assert.deepEqual(rule.definition, parseRule(SEED_RULE_TEXT));
      assert.deepEqual(rule.createdBy, { aadObjectId: 'vigil', name: 'Vigil' });
      assert.equal(rule.createdAt, new Date(T0).toISOString());
      assert.deepEqual(await r.rules.list(), [rule]);
      assert.deepEqual(await r.kit.auditLines(), [
        {
          action: 'rule.add',
          actor: 'vigil',
          target: 'r1',
          outcome: 'succeeded',
          details: { rule: parseRule(SEED_RULE_TEXT).source, enabled, seed: true },
        },
      ]);
    });
  }

  it('installs it once: later starts return undefined and add nothing', async () => {
    assert.ok(await install(true));
    r.kit.clock.advance(60_000);
    assert.equal(await install(true), undefined);
    assert.equal(await install(false), undefined);
    assert.equal((await r.rules.list()).length, 1);
    assert.equal((await r.kit.auditLines()).length, 1);
  });

  it('does not reinstall a seed rule an admin removed', async () => {
    const rule = await install(true);
    assert.ok(rule);
    const removed = await r.rules.remove(BOSS, rule.id);
    assert.ok(removed.ok);
    assert.equal(await install(true), undefined);
    assert.deepEqual(await r.rules.list(), []);
  });

  it('leaves alone a rule of the same name added before the first start, and never installs later', async () => {
    const own = await r.add('"High sev isolate" when severity = high then scan quick');
    assert.equal(await install(true), undefined);
    assert.deepEqual(await r.rules.list(), [own]);
    await r.rules.remove(BOSS, own.id);
    assert.equal(await install(true), undefined);
    assert.deepEqual(await r.rules.list(), []);
  });
});
