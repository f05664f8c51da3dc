import assert from 'node:assert/strict';
import { isVigilError } from '../../../src/domain/errors/vigil-error';
import { parseRule } from '../../../src/domain/rules/parse-rule';
import { ANA, BOSS, T0, VAL } from '../actions/action-test-kit';
import { type RuleKit, ruleKit } from './rule-test-kit';

const HIGH = '"High sev isolate" when severity = high then isolate full, notify channel';

/** The friendly message `parseRule` throws for this text. */
function parseMessage(text: string): string {
  try {
    parseRule(text);
  } catch (error) {
    if (isVigilError(error)) return error.friendlyMessage;
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('createRuleService', () => {
  let r: RuleKit;
  beforeEach(async () => {
    r = await ruleKit();
  });
  afterEach(() => r.kit.store.close());

  describe('add', () => {
    it('adds an admin’s rule as r1, then r2, enabled, and audits rule.add', async () => {
      const first = await r.rules.add(BOSS, HIGH);
      assert.ok(first.ok);
      assert.equal(first.rule.id, 'r1');
      assert.equal(first.rule.enabled, true);
      assert.deepEqual(first.rule.definition, parseRule(HIGH));
      assert.deepEqual(first.rule.createdBy, { aadObjectId: 'boss-id', name: 'Boss Admin' });
      assert.equal(first.rule.createdAt, new Date(T0).toISOString());
      assert.equal(first.rule.expiresAt, undefined);
      assert.equal(first.message, `Added rule r1 (enabled): ${parseRule(HIGH).source}`);

      const second = await r.rules.add(BOSS, 'low when severity = low then scan quick');
      assert.ok(second.ok);
      assert.equal(second.rule.id, 'r2');

      assert.deepEqual(
        (await r.rules.list()).map((rule) => rule.id),
        ['r1', 'r2'],
      );
      const added = (await r.kit.auditLines()).filter((line) => line.action === 'rule.add');
      assert.deepEqual(added, [
        {
          action: 'rule.add',
          actor: 'boss-id',
          target: 'r1',
          outcome: 'succeeded',
          details: { rule: parseRule(HIGH).source, enabled: true },
        },
        {
          action: 'rule.add',
          actor: 'boss-id',
          target: 'r2',
          outcome: 'succeeded',
          details: { rule: 'low when severity = low then scan quick', enabled: true },
        },
      ]);
    });

    it('adds a rule switched off when asked, and says so', async () => {
      const outcome = await r.rules.add(BOSS, HIGH, { enabled: false });
      assert.ok(outcome.ok);
      assert.equal(outcome.rule.enabled, false);
      assert.match(outcome.message, /^Added rule r1 \(disabled\)/);
      assert.equal((await r.kit.store.repos.rules.get('r1'))?.enabled, false);
    });

    it('says a dry-run rule only says what it would do', async () => {
      const outcome = await r.rules.add(BOSS, `${HIGH} dry-run`);
      assert.ok(outcome.ok);
      assert.match(outcome.message, /^Added rule r1 \(enabled, dry run: it only says what it would do\)/);
    });

    for (const [who, person] of [
      ['a viewer', VAL],
      ['a responder', ANA],
    ] as const) {
      it(`refuses ${who}, stores nothing and audits the refusal`, async () => {
        const outcome = await r.rules.add(person, HIGH);
        assert.deepEqual(outcome, {
          ok: false,
          message: 'Only Vigil admins can change the automatic rules.',
        });
        assert.deepEqual(await r.rules.list(), []);
        assert.deepEqual(await r.kit.auditLines(), [
          {
            action: 'rule.add',
            actor: (person.aadObjectId ?? '').toLowerCase(),
            target: null,
            outcome: 'refused',
            details: { reason: 'permission', permission: 'rule.manage' },
          },
        ]);
      });
    }

    it('answers a rule that does not parse with the parser’s message, audited as refused', async () => {
      const text = '"Typo" when severity = high then isolat full';
      const outcome = await r.rules.add(BOSS, text);
      assert.deepEqual(outcome, { ok: false, message: parseMessage(text) });
      assert.match(parseMessage(text), /Unknown action "isolat"/);
      assert.deepEqual(await r.rules.list(), []);
      assert.deepEqual(await r.kit.auditLines(), [
        {
          action: 'rule.add',
          actor: 'boss-id',
          target: null,
          outcome: 'refused',
          details: { reason: 'invalid', code: 'RULE.PARSE' },
        },
      ]);
    });

    it('refuses a second rule of the same name in any case, keeping the first', async () => {
      await r.add(HIGH);
      const outcome = await r.rules.add(BOSS, '"HIGH SEV ISOLATE" when severity = low then scan quick');
      assert.equal(outcome.ok, false);
      assert.equal(
        outcome.message,
        'A rule named "HIGH SEV ISOLATE" exists already: remove it first, or choose another name.',
      );
      const rules = await r.rules.list();
      assert.deepEqual(
        rules.map((rule) => rule.definition.source),
        [parseRule(HIGH).source],
      );
    });

    it('refuses `assign me` without a sign-in name, audited as invalid', async () => {
      const outcome = await r.rules.add(BOSS, 'mine when severity = high then assign me');
      assert.deepEqual(outcome, {
        ok: false,
        message:
          'Vigil could not read your sign-in name from Teams for `assign me`: write the address instead.',
      });
      assert.deepEqual(await r.rules.list(), []);
      assert.deepEqual(await r.kit.auditLines(), [
        {
          action: 'rule.add',
          actor: 'boss-id',
          target: null,
          outcome: 'refused',
          details: { reason: 'invalid' },
        },
      ]);
    });

    it('replaces `assign me` with the author’s sign-in name, lower case, in the actions and the source', async () => {
      const rule = await r.add('mine when severity = high then assign me, notify channel', {
        signInName: 'Boss@Contoso.com',
      });
      assert.deepEqual(rule.definition.actions, [
        { kind: 'assign', assignee: 'boss@contoso.com' },
        { kind: 'notifyChannel' },
      ]);
      assert.equal(
        rule.definition.source,
        'mine when severity = high then assign boss@contoso.com, notify channel',
      );
      // The source is the canonical form: it parses back to the very same definition.
      assert.deepEqual(parseRule(rule.definition.source), rule.definition);
      assert.deepEqual((await r.kit.store.repos.rules.get('r1'))?.definition, rule.definition);
    });

    it('ignores the sign-in name for a rule without `assign me`', async () => {
      const rule = await r.add('theirs when severity = high then assign secops@contoso.com', {
        signInName: 'boss@contoso.com',
      });
      assert.deepEqual(rule.definition.actions, [{ kind: 'assign', assignee: 'secops@contoso.com' }]);
    });

    it('sets expiresAt from `for 7d`, counted from when it is added', async () => {
      r.kit.clock.advance(5 * 60_000);
      const rule = await r.add(`${HIGH} for 7d`);
      assert.equal(rule.expiresAt, new Date(T0 + 5 * 60_000 + 7 * 86_400_000).toISOString());
      assert.equal((await r.kit.store.repos.rules.get('r1'))?.expiresAt, rule.expiresAt);
    });
  });

  describe('enable, disable and remove', () => {
    beforeEach(async () => {
      await r.add(HIGH);
    });

    it('disables and enables a rule (any case of its id), audited', async () => {
      r.kit.clock.advance(60_000);
      const off = await r.rules.setEnabled(BOSS, 'R1', false);
      assert.ok(off.ok);
      assert.equal(off.message, 'Rule r1 "High sev isolate" is now disabled.');
      assert.equal(off.rule.enabled, false);
      assert.equal(off.rule.updatedAt, new Date(T0 + 60_000).toISOString());
      assert.equal((await r.kit.store.repos.rules.get('r1'))?.enabled, false);

      const on = await r.rules.setEnabled(BOSS, 'r1', true);
      assert.ok(on.ok);
      assert.equal(on.message, 'Rule r1 "High sev isolate" is now enabled.');
      assert.equal((await r.kit.store.repos.rules.get('r1'))?.enabled, true);

      const changes = (await r.kit.auditLines()).filter((line) => line.action !== 'rule.add');
      assert.deepEqual(changes, [
        {
          action: 'rule.disable',
          actor: 'boss-id',
          target: 'r1',
          outcome: 'succeeded',
          details: { name: 'High sev isolate' },
        },
        {
          action: 'rule.enable',
          actor: 'boss-id',
          target: 'r1',
          outcome: 'succeeded',
          details: { name: 'High sev isolate' },
        },
      ]);
    });

    it('removes a rule, audited, and never gives its id again', async () => {
      const removed = await r.rules.remove(BOSS, 'r1');
      assert.ok(removed.ok);
      assert.equal(removed.message, 'Removed rule r1 "High sev isolate".');
      assert.equal(removed.rule.id, 'r1');
      assert.deepEqual(await r.rules.list(), []);
      const last = (await r.kit.auditLines()).at(-1);
      assert.deepEqual(last, {
        action: 'rule.remove',
        actor: 'boss-id',
        target: 'r1',
        outcome: 'succeeded',
        details: { name: 'High sev isolate' },
      });
      const again = await r.add(HIGH);
      assert.equal(again.id, 'r2');
    });

    it('answers an unknown id and changes nothing', async () => {
      const before = await r.kit.auditLines();
      for (const outcome of [await r.rules.remove(BOSS, 'r9'), await r.rules.setEnabled(BOSS, 'r9', false)]) {
        assert.deepEqual(outcome, { ok: false, message: 'There is no rule r9. Type `rules` to see them.' });
      }
      assert.equal((await r.rules.list()).length, 1);
      assert.deepEqual(await r.kit.auditLines(), before);
    });

    it('refuses a responder, audited with the rule as target, and leaves the rule alone', async () => {
      const removed = await r.rules.remove(ANA, 'r1');
      const disabled = await r.rules.setEnabled(ANA, 'r1', false);
      for (const outcome of [removed, disabled]) {
        assert.deepEqual(outcome, {
          ok: false,
          message: 'Only Vigil admins can change the automatic rules.',
        });
      }
      const rule = await r.kit.store.repos.rules.get('r1');
      assert.equal(rule?.enabled, true);
      const refusals = (await r.kit.auditLines()).filter((line) => line.outcome === 'refused');
      assert.deepEqual(
        refusals.map((line) => [line.action, line.actor, line.target, line.details]),
        [
          ['rule.remove', 'ana-id', 'r1', { reason: 'permission', permission: 'rule.manage' }],
          ['rule.disable', 'ana-id', 'r1', { reason: 'permission', permission: 'rule.manage' }],
        ],
      );
    });
  });
});
