import assert from 'node:assert/strict';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import type { Alert } from '../../../src/domain/alerts/alert';
import type { Machine } from '../../../src/domain/machines/machine';
import { parseRule } from '../../../src/domain/rules/parse-rule';
import type { Store, StoredRule } from '../../../src/services/ports/store.port';
import { replayRule } from '../../../src/services/rules/replay-rule';
import { FakeClock, makeAlert, makeMachine, T0 } from '../actions/action-test-kit';

const DAY = 86_400_000;

/** A stored rule of this text (never enabled or disabled: a replay does not care). */
function ruleOf(text: string): StoredRule {
  const at = new Date(T0).toISOString();
  return {
    id: 'r1',
    definition: parseRule(text),
    enabled: false,
    createdBy: { aadObjectId: 'boss-id', name: 'Boss Admin' },
    createdAt: at,
    updatedAt: at,
  };
}

/** An alert raised `daysAgo` days before T0 on the machine `machine-<name>`. */
function alertOn(id: string, name: string, daysAgo: number, overrides: Partial<Alert> = {}): Alert {
  const at = new Date(T0 - daysAgo * DAY).toISOString();
  return makeAlert({
    id,
    createdAt: at,
    updatedAt: at,
    machine: { id: `machine-${name}`, name: `pc-${name}.contoso.com` },
    ...overrides,
  });
}

describe('replayRule', () => {
  let clock: FakeClock;
  let store: Store;
  const lookups: string[] = [];
  const machines = new Map<string, Machine>();
  const lookupMachine = async (id: string) => {
    lookups.push(id);
    return machines.get(id);
  };

  beforeEach(async () => {
    clock = new FakeClock();
    store = await openSqliteStore(':memory:', { clock: clock.iso });
    lookups.length = 0;
    machines.clear();
    machines.set('machine-a', makeMachine({ id: 'machine-a', name: 'pc-a.contoso.com', tags: ['finance'] }));
    machines.set('machine-b', makeMachine({ id: 'machine-b', name: 'pc-b.contoso.com', tags: [] }));
    const alerts = [
      alertOn('da-a1', 'a', 0.5),
      alertOn('da-a2', 'a', 2),
      alertOn('da-b1', 'b', 3),
      alertOn('da-b-low', 'b', 1, { severity: 'low' }),
      alertOn('da-old', 'a', 10),
    ];
    for (const alert of alerts) await store.repos.alerts.save(alert, clock.iso());
  });
  afterEach(() => store.close());

  const replay = (text: string, days: number) =>
    replayRule(ruleOf(text), days, { alerts: store.repos.alerts, lookupMachine, nowMs: T0 });

  it('counts only the alerts raised in the last N days that match, newest first', async () => {
    const week = await replay('hi when severity = high then isolate full', 7);
    assert.equal(week.days, 7);
    assert.equal(week.alertsSeen, 4);
    assert.deepEqual(week.matchedAlertIds, ['da-a1', 'da-a2', 'da-b1']);

    const day = await replay('hi when severity = high then isolate full', 1);
    assert.equal(day.alertsSeen, 2);
    assert.deepEqual(day.matchedAlertIds, ['da-a1']);

    const month = await replay('hi when severity = high then isolate full', 30);
    assert.deepEqual(month.matchedAlertIds, ['da-a1', 'da-a2', 'da-b1', 'da-old']);
  });

  it('names each machine once, and counts every action once per match', async () => {
    const result = await replay('hi when severity = high then isolate full, notify channel', 7);
    assert.deepEqual(result.machines, ['pc-a.contoso.com', 'pc-b.contoso.com']);
    assert.deepEqual(result.actions, [
      { action: 'isolate full', times: 3 },
      { action: 'notify channel', times: 3 },
    ]);
  });

  it('judges tags by what lookupMachine says, asking once per machine', async () => {
    const tagged = await replay('fin when machine.tag = finance then scan quick', 7);
    assert.deepEqual(tagged.matchedAlertIds, ['da-a1', 'da-a2']);
    assert.deepEqual(tagged.machines, ['pc-a.contoso.com']);
    assert.deepEqual(tagged.actions, [{ action: 'scan quick', times: 2 }]);
    assert.deepEqual([...lookups].sort(), ['machine-a', 'machine-b']);

    machines.clear();
    const unknown = await replay('fin when machine.tag = finance then scan quick', 7);
    assert.deepEqual(unknown.matchedAlertIds, []);
    assert.deepEqual(unknown.machines, []);
    assert.deepEqual(unknown.actions, [{ action: 'scan quick', times: 0 }]);
  });

  it('treats a failing lookup as a machine without tags', async () => {
    const result = await replayRule(ruleOf('fin when machine.tag = finance then scan quick'), 7, {
      alerts: store.repos.alerts,
      lookupMachine: async () => {
        throw new Error('Defender is down');
      },
      nowMs: T0,
    });
    assert.equal(result.alertsSeen, 4);
    assert.deepEqual(result.matchedAlertIds, []);
  });

  it('acts on nothing', async () => {
    await replay('hi when severity = high then isolate full', 7);
    assert.deepEqual(await store.repos.actions.list({ limit: 100 }), []);
    assert.equal(
      await store.repos.outbox.claim(clock.iso(), 100, clock.iso()).then((items) => items.length),
      0,
    );
  });
});
