import assert from 'node:assert/strict';
import { defenderComment } from '../../../src/domain/actions/defender-comment';
import { createActionRequests } from '../../../src/services/actions/action-requests';
import { silentLogger } from '../../../src/services/ports/logger.port';
import { createRuleEngine } from '../../../src/services/rules/rule-engine';
import {
  ALERT,
  ANA,
  BOSS,
  MACHINE,
  MCAS_ALERT,
  makeAlert,
  makeMachine,
  NO_MACHINE_ALERT,
  OTHER_ALERT,
  TENANT,
  TEST_SETTINGS,
  TIER0_ALERT,
} from '../actions/action-test-kit';
import { type RuleKit, ruleKit } from './rule-test-kit';

const HOUR = 3_600_000;
const ISOLATE_HIGH = '"High sev isolate" when severity = high then isolate full';

/** Stores a low-severity alert on `machine-1`, on its own card. */
async function seedLowAlert(r: RuleKit, id = 'da-low'): Promise<void> {
  await r.kit.seedAlert(makeAlert({ id, severity: 'low' }), `group-${id}`);
}

/** Stores a high-severity alert on a machine of its own (`machine-<name>`, untagged), on its own card. */
async function seedAlertOn(r: RuleKit, name: string): Promise<string> {
  const machineId = `machine-${name}`;
  const machineName = `pc-${name}.contoso.com`;
  r.kit.machines.set(machineId, makeMachine({ id: machineId, name: machineName, tags: [] }));
  await r.kit.seedAlert(
    makeAlert({ id: `da-${name}`, machine: { id: machineId, name: machineName } }),
    `group-${name}`,
  );
  return `da-${name}`;
}

/** Every action Vigil stores, newest first. */
async function allActions(r: RuleKit) {
  return r.kit.store.repos.actions.list({ limit: 1000 });
}

/** The thread replies queued (kind `reply`), as [group, text]. */
async function replies(r: RuleKit): Promise<[string, string][]> {
  return (await r.kit.drainOutbox())
    .filter((item) => item.kind === 'reply')
    .map((item) => [item.groupId, item.text ?? '']);
}

describe('createRuleEngine', () => {
  let r: RuleKit;
  beforeEach(async () => {
    r = await ruleKit();
  });
  afterEach(() => r.kit.store.close());

  describe('onNewAlert', () => {
    it('has a matching high-severity alert isolated once, by the rule, with the rule named in Defender', async () => {
      await r.add(ISOLATE_HIGH);
      await r.engine.onNewAlert(await r.alert(ALERT));

      const actions = await allActions(r);
      assert.equal(actions.length, 1);
      const [action] = actions;
      assert.ok(action);
      assert.equal(action.kind, 'isolate');
      assert.equal(action.origin, 'rule');
      assert.equal(action.alertId, ALERT);
      assert.equal(action.machineId, MACHINE);
      assert.equal(action.state, 'queued');
      assert.deepEqual(action.requestedBy, { aadObjectId: 'rule:r1', name: 'High sev isolate' });
      assert.deepEqual(action.params, { isolationType: 'Full' });
      assert.equal(defenderComment(action), `Isolated by Vigil rule "High sev isolate" (alert ${ALERT})`);

      // The worker sends it with that comment.
      await r.kit.runDue();
      const sent = r.kit.mde.callsOf('isolate');
      assert.equal(sent.length, 1);
      assert.deepEqual(sent[0]?.args, [
        MACHINE,
        'Full',
        `Isolated by Vigil rule "High sev isolate" (alert ${ALERT})`,
      ]);

      // The match and the request are audited in the rule's name.
      const lines = (await r.kit.auditLines()).filter((line) => line.actor === 'rule:r1');
      assert.deepEqual(
        lines.map((line) => [line.action, line.target, line.outcome]),
        [
          ['rule.match', ALERT, 'succeeded'],
          ['alert.isolate.request', ALERT, 'succeeded'],
        ],
      );
      assert.deepEqual(lines[0]?.details, { ruleId: 'r1', actions: ['isolate full'], dryRun: false });
    });

    it('says in the alert’s thread what the rule did', async () => {
      await r.add(ISOLATE_HIGH);
      await r.engine.onNewAlert(await r.alert(ALERT));
      const texts = await replies(r);
      const rule = texts.filter(([, text]) => text.startsWith('⚙️'));
      assert.equal(rule.length, 1);
      assert.equal(rule[0]?.[0], 'group-1');
      assert.match(rule[0]?.[1] ?? '', /^⚙️ Rule r1 "High sev isolate" matched this alert\. isolate full: /);
      assert.ok(r.engineKicks.queued > 0);
    });

    it('does nothing on an alert that does not match', async () => {
      await r.add(ISOLATE_HIGH);
      await seedLowAlert(r);
      await r.kit.drainOutbox();
      const before = await r.kit.auditLines();
      await r.engine.onNewAlert(await r.alert('da-low'));
      assert.deepEqual(await allActions(r), []);
      assert.deepEqual(await r.kit.drainOutbox(), []);
      assert.deepEqual(await r.kit.auditLines(), before);
    });

    it('skips a disabled rule, and runs it again once enabled', async () => {
      await r.add(ISOLATE_HIGH, { enabled: false });
      await r.engine.onNewAlert(await r.alert(ALERT));
      assert.deepEqual(await allActions(r), []);

      await r.rules.setEnabled(BOSS, 'r1', true);
      await r.engine.onNewAlert(await r.alert(ALERT));
      assert.equal((await allActions(r)).length, 1);
    });

    it('runs a rule until it expires, then skips it', async () => {
      await r.add('"Short" when severity = high then isolate full for 1h');
      r.kit.clock.advance(HOUR - 1);
      await r.engine.onNewAlert(await r.alert(ALERT));
      assert.equal((await allActions(r)).length, 1);

      r.kit.clock.advance(1);
      await r.engine.onNewAlert(await r.alert(OTHER_ALERT));
      assert.equal((await allActions(r)).length, 1);
      const matches = (await r.kit.auditLines()).filter((line) => line.action === 'rule.match');
      assert.deepEqual(
        matches.map((line) => line.target),
        [ALERT],
      );
    });

    it('runs the rules by their order, not by when they were added', async () => {
      await r.add('later when severity = high then notify channel order 20');
      await r.add('sooner when severity = high then notify channel order 10');
      await r.add('unordered when severity = high then notify channel');
      await r.engine.onNewAlert(await r.alert(ALERT));
      const matches = (await r.kit.auditLines()).filter((line) => line.action === 'rule.match');
      assert.deepEqual(
        matches.map((line) => line.details.ruleId),
        ['r2', 'r1', 'r3'],
      );
    });

    it('stops after a matching `stop` rule, but not after a `stop` rule that does not match', async () => {
      await r.add('first when severity = low then notify channel order 1 stop');
      await r.add('second when severity = high then notify channel order 2 stop');
      await r.add('third when severity = high then notify channel order 3');
      await r.engine.onNewAlert(await r.alert(ALERT));
      const matches = (await r.kit.auditLines()).filter((line) => line.action === 'rule.match');
      assert.deepEqual(
        matches.map((line) => line.details.ruleId),
        ['r2'],
      );
    });

    it('only replies for a dry-run rule: no action', async () => {
      await r.add(`${ISOLATE_HIGH}, notify channel dry-run`);
      await r.engine.onNewAlert(await r.alert(ALERT));
      assert.deepEqual(await allActions(r), []);
      assert.deepEqual(await replies(r), [
        [
          'group-1',
          '🧪 Rule r1 "High sev isolate" (dry run) matched this alert and would have: isolate full, notify channel.',
        ],
      ]);
      assert.equal(r.kit.mde.creatingCalls().length, 0);
      const match = (await r.kit.auditLines()).find((line) => line.action === 'rule.match');
      assert.equal(match?.details.dryRun, true);
    });

    it('makes the rule’s isolation wait for approval with `require approval`', async () => {
      await r.add('careful when severity = high then isolate full, require approval');
      await r.engine.onNewAlert(await r.alert(ALERT));
      const actions = await allActions(r);
      assert.equal(actions.length, 1);
      assert.equal(actions[0]?.state, 'awaitingApproval');
      assert.equal(actions[0]?.approval?.reason, 'rule r1 "careful" requires a second responder\'s approval');
      assert.equal(r.kit.mde.creatingCalls().length, 0);
    });

    it('replies `notify channel: done` in the thread for `notify channel`', async () => {
      await r.add('tell when severity = high then notify channel');
      await r.engine.onNewAlert(await r.alert(ALERT));
      assert.deepEqual(await allActions(r), []);
      const texts = await replies(r);
      assert.deepEqual(texts, [['group-1', '⚙️ Rule r1 "tell" matched this alert. notify channel: done']]);
    });

    it('answers `on user machines` plainly when the machines of the user cannot be looked up, sending nothing', async () => {
      await r.add('users when severity = high then isolate full on user machines');
      await r.engine.onNewAlert(await r.alert(ALERT));
      assert.deepEqual(await allActions(r), []);
      assert.deepEqual(await replies(r), [
        [
          'group-1',
          '⚙️ Rule r1 "users" matched this alert. isolate full on user machines: the user\'s machines cannot be looked up here: nothing was sent',
        ],
      ]);
    });

    it("scans each machine of a Cloud Apps alert's user with one tracked action apiece", async () => {
      const users: string[] = [];
      const withUsers = await ruleKit({
        userMachines: async (user) => {
          users.push(user);
          return [
            makeMachine({ id: 'user-m1', name: 'alice-laptop.contoso.com' }),
            makeMachine({ id: 'user-m2', name: 'alice-desktop.contoso.com' }),
          ];
        },
      });
      await withUsers.add('cloud when source = mcas then scan quick on user machines');
      await withUsers.engine.onNewAlert(await withUsers.alert(MCAS_ALERT));
      const made = await allActions(withUsers);
      assert.deepEqual(
        made.map((action) => [action.kind, action.machineId, action.origin, action.alertId]).sort(),
        [
          ['scan', 'user-m1', 'rule', MCAS_ALERT],
          ['scan', 'user-m2', 'rule', MCAS_ALERT],
        ],
      );
      assert.equal(users.length, 1);
    });

    it('says a machine action on an alert without a machine sends nothing', async () => {
      await r.add('scanner when severity = high then scan quick');
      await r.engine.onNewAlert(await r.alert(NO_MACHINE_ALERT));
      assert.deepEqual(await allActions(r), []);
      assert.deepEqual(await replies(r), [
        [
          'group-nomachine',
          '⚙️ Rule r1 "scanner" matched this alert. scan quick: the alert names no machine: nothing was sent',
        ],
      ]);
    });

    it('resolves and assigns through requests by the rule', async () => {
      await r.add('tidy when severity = high then resolve as falsepositive, assign secops@contoso.com');
      await r.engine.onNewAlert(await r.alert(ALERT));
      const actions = await allActions(r);
      assert.deepEqual(
        actions.map((action) => [action.kind, action.origin, action.requestedBy.name]).sort(),
        [
          ['assign', 'rule', 'tidy'],
          ['resolve', 'rule', 'tidy'],
        ],
      );
      const resolve = actions.find((action) => action.kind === 'resolve');
      assert.deepEqual(resolve?.params, {
        classification: 'falsePositive',
        comment: 'Resolved by rule r1 "tidy"',
      });
      const assign = actions.find((action) => action.kind === 'assign');
      assert.deepEqual(assign?.params, { assignee: 'secops@contoso.com' });
    });

    it('matches on Defender’s tags of the machine', async () => {
      await r.add('tier0 when machine.tag = tier0 then notify channel');
      await r.engine.onNewAlert(await r.alert(ALERT));
      await r.engine.onNewAlert(await r.alert(TIER0_ALERT));
      const matches = (await r.kit.auditLines()).filter((line) => line.action === 'rule.match');
      assert.deepEqual(
        matches.map((line) => line.target),
        [TIER0_ALERT],
      );
    });

    it('logs a failing rule and still runs the next one', async () => {
      r.kit.store.close();
      r = await ruleKit({
        actions: (kit) => ({
          ...kit.requests,
          request: async (request) => {
            if (request.by.name === 'broken') throw new Error('boom');
            return kit.requests.request(request);
          },
        }),
      });
      await r.add('broken when severity = high then scan quick order 1');
      await r.add(`${ISOLATE_HIGH} order 2`);
      await r.engine.onNewAlert(await r.alert(ALERT));
      const actions = await allActions(r);
      assert.deepEqual(
        actions.map((action) => [action.kind, action.requestedBy.name]),
        [['isolate', 'High sev isolate']],
      );
      const errors = r.logs.filter((line) => line.level === 'error');
      assert.equal(errors.length, 1);
      assert.deepEqual(errors[0]?.fields, { ruleId: 'r1', alertId: ALERT, error: 'Error: boom' });
    });
  });

  describe('the hourly cap on automatic isolations', () => {
    beforeEach(async () => {
      r.kit.store.close();
      r = await ruleKit({ autoIsolationsPerHour: 2 });
      await r.add(ISOLATE_HIGH);
    });

    it('makes the third automatic isolation in an hour wait for approval', async () => {
      const [a, b, c] = [await seedAlertOn(r, 'a'), await seedAlertOn(r, 'b'), await seedAlertOn(r, 'c')];
      await r.engine.onNewAlert(await r.alert(a));
      r.kit.clock.advance(10 * 60_000);
      await r.engine.onNewAlert(await r.alert(b));
      r.kit.clock.advance(10 * 60_000);
      await r.engine.onNewAlert(await r.alert(c));
      const byAlert = new Map((await allActions(r)).map((action) => [action.alertId, action]));
      assert.equal(byAlert.get(a)?.state, 'queued');
      assert.equal(byAlert.get(b)?.state, 'queued');
      assert.equal(byAlert.get(c)?.state, 'awaitingApproval');
      assert.equal(
        byAlert.get(c)?.approval?.reason,
        '2 automatic isolations in the last hour reached the limit of 2',
      );
    });

    it('lets an isolation through again once the earlier ones are an hour old', async () => {
      const [a, b, c] = [await seedAlertOn(r, 'a'), await seedAlertOn(r, 'b'), await seedAlertOn(r, 'c')];
      await r.engine.onNewAlert(await r.alert(a));
      await r.engine.onNewAlert(await r.alert(b));
      r.kit.clock.advance(HOUR + 1);
      await r.engine.onNewAlert(await r.alert(c));
      const action = (await allActions(r)).find((found) => found.alertId === c);
      assert.equal(action?.state, 'queued');
      assert.equal(action?.approval, undefined);
    });

    it('does not count isolations people asked for', async () => {
      const [a, b, c] = [await seedAlertOn(r, 'a'), await seedAlertOn(r, 'b'), await seedAlertOn(r, 'c')];
      for (const id of [a, b]) {
        const asked = await r.kit.ask(ANA, 'isolate', id, { isolationType: 'Full', reason: 'by hand' });
        assert.equal(asked.status, 'accepted');
      }
      await r.engine.onNewAlert(await r.alert(c));
      const action = (await allActions(r)).find((found) => found.alertId === c);
      assert.equal(action?.origin, 'rule');
      assert.equal(action?.state, 'queued');
    });
  });

  describe('approvalPolicy', () => {
    const GATE = 'gate when machine.tag = finance then require approval';

    it('gives the reason of a matching `require approval` rule, and nothing otherwise', async () => {
      assert.equal(await r.engine.approvalPolicy(await r.alert(ALERT)), undefined);
      await r.add(GATE);
      assert.equal(
        await r.engine.approvalPolicy(await r.alert(ALERT)),
        'rule r1 "gate" requires a second responder\'s approval',
      );
      assert.equal(await r.engine.approvalPolicy(await r.alert(TIER0_ALERT)), undefined);
    });

    it('ignores rules without `require approval`, and disabled ones', async () => {
      await r.add('noisy when machine.tag = finance then notify channel');
      await r.add(GATE, { enabled: false });
      assert.equal(await r.engine.approvalPolicy(await r.alert(ALERT)), undefined);
    });

    it('makes a responder’s click on a matching alert wait for a second responder', async () => {
      await r.add(GATE);
      let ids = 0;
      const engine = createRuleEngine({
        store: r.kit.store,
        audit: r.kit.audit,
        clock: r.kit.clock,
        logger: silentLogger,
        actions: r.kit.requests,
        tenantId: TENANT,
        lookupMachine: async (id) => r.kit.machines.get(id),
        autoIsolationsPerHour: 10,
        onQueued: () => undefined,
      });
      const requests = createActionRequests({
        store: r.kit.store,
        audit: r.kit.audit,
        roles: r.kit.roles,
        clock: r.kit.clock,
        settings: TEST_SETTINGS,
        lookupMachine: async (id) => r.kit.machines.get(id),
        newId: () => `gated-${++ids}`,
        onQueued: () => undefined,
        approvalPolicy: engine.approvalPolicy,
      });
      // A scan waits too: the rule covers every machine action on the alert.
      const scan = await requests.request({
        kind: 'scan',
        origin: 'card',
        by: ANA,
        alertId: ALERT,
        params: { scanType: 'Quick' },
      });
      assert.ok(scan.status === 'accepted');
      assert.equal(scan.action.state, 'awaitingApproval');
      assert.equal(scan.action.approval?.reason, 'rule r1 "gate" requires a second responder\'s approval');

      // An alert the rule does not match is not held.
      const other = await requests.request({
        kind: 'scan',
        origin: 'card',
        by: ANA,
        alertId: TIER0_ALERT,
        params: { scanType: 'Quick' },
      });
      assert.ok(other.status === 'accepted');
      assert.equal(other.action.state, 'queued');
    });
  });
});
