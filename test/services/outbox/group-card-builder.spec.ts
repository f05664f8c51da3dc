import assert from 'node:assert/strict';
import { openSqliteStore } from '../../../src/adapters/store/sqlite-store';
import { templateCardRenderer } from '../../../src/adapters/teams/cards/template-card-renderer';
import type { ResponseAction } from '../../../src/domain/actions/response-action';
import type { Alert } from '../../../src/domain/alerts/alert';
import type { AlertCardData, CardFact } from '../../../src/domain/cards/alert-card-data';
import { isVigilError } from '../../../src/domain/errors/vigil-error';
import type { Machine, MachineLogonUser } from '../../../src/domain/machines/machine';
import {
  createGroupCardBuilder,
  type GroupCardBuilderDeps,
} from '../../../src/services/outbox/group-card-builder';
import type { MachineCache } from '../../../src/services/outbox/machine-cache';
import type { CardRenderer } from '../../../src/services/ports/card-renderer.port';
import type { Store } from '../../../src/services/ports/store.port';
import { at, makeAction, makeAlert } from '../../adapters/store/contract/store-fixtures';

/** When the cards are drawn: an hour after the fixtures' alerts were raised. */
const NOW = Date.UTC(2026, 0, 1, 11, 0);

/** A renderer that returns (and keeps) the data it was given, so tests read `AlertCardData`. */
class RecordingRenderer implements CardRenderer {
  readonly drawn: AlertCardData[] = [];
  renderAlertCard(data: AlertCardData) {
    this.drawn.push(data);
    return { data };
  }
}

/** A machine cache answering from maps (undefined when Defender "could not say"), counting the calls. */
class FakeMachineCache implements MachineCache {
  readonly machines = new Map<string, Machine>();
  readonly users = new Map<string, MachineLogonUser[]>();
  readonly calls: string[] = [];
  async lookup(machineId: string): Promise<Machine | undefined> {
    this.calls.push(`lookup ${machineId}`);
    return this.machines.get(machineId);
  }
  async logonUsers(machineId: string): Promise<readonly MachineLogonUser[] | undefined> {
    this.calls.push(`logonUsers ${machineId}`);
    return this.users.get(machineId);
  }
}

/** Defender's record of `machine-1` (the fixtures' alert machine). */
function defenderMachine(overrides: Partial<Machine> = {}): Machine {
  return {
    id: 'machine-1',
    name: 'pc-finance-01',
    osPlatform: 'Windows11',
    riskScore: 'high',
    exposureLevel: 'medium',
    healthStatus: 'Active',
    tags: ['finance'],
    ...overrides,
  };
}

/** The fixtures' alert without a machine, as Defender for Cloud Apps raises them. */
function mcasAlert(): Alert {
  const { machine: _none, ...alert } = makeAlert({ id: 'ca-1', source: 'mcas', title: 'Impossible travel' });
  return alert;
}

function factOf(facts: readonly CardFact[], title: string): string | undefined {
  return facts.find((fact) => fact.title === title)?.value;
}

describe('createGroupCardBuilder', () => {
  let store: Store;
  let renderer: RecordingRenderer;
  let cache: FakeMachineCache;

  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    renderer = new RecordingRenderer();
    cache = new FakeMachineCache();
    cache.machines.set('machine-1', defenderMachine());
  });

  afterEach(async () => {
    await store.close();
  });

  function builder(overrides: Partial<GroupCardBuilderDeps> = {}) {
    return createGroupCardBuilder({
      repos: store.repos,
      renderer,
      machines: cache,
      clock: { now: () => NOW },
      protection: { tags: ['tier0'], namePatterns: [] },
      ...overrides,
    });
  }

  async function saveAlert(alert: Alert): Promise<void> {
    await store.repos.alerts.save(alert, alert.createdAt);
  }

  /** Records actions as given; each gets its own request key, as finished actions release theirs. */
  async function record(...actions: ResponseAction[]): Promise<void> {
    for (const action of actions) {
      await store.repos.actions.insert({ ...action, requestKey: `key-of-${action.id}` });
    }
  }

  /** A finished action: no next check, finished at `minute`. */
  function finished(overrides: Partial<ResponseAction>, minute: number): ResponseAction {
    const { nextCheckAt: _none, ...action } = makeAction(overrides);
    return { ...action, finishedAt: at(minute), updatedAt: at(minute) };
  }

  /** Draws the card of `alertId` (its own group) and returns the data the renderer got. */
  async function draw(
    alertId = 'da-1',
    overrides: Partial<GroupCardBuilderDeps> = {},
  ): Promise<AlertCardData> {
    const before = renderer.drawn.length;
    await builder(overrides).build(alertId);
    assert.equal(renderer.drawn.length, before + 1);
    const data = renderer.drawn.at(-1);
    assert.ok(data);
    return data;
  }

  it('should draw the stored alert with its machine and no status, approval nor retry when it has no actions', async () => {
    await saveAlert(makeAlert());
    const card = await builder().build('da-1');
    const data = renderer.drawn[0];
    assert.ok(data);
    assert.deepEqual(card.message, { kind: 'card', card: { data }, fallbackText: data.fallbackText });
    assert.equal(card.drawnAt, new Date(NOW).toISOString());
    assert.equal(data.alertId, 'da-1');
    assert.deepEqual(data.machine, { id: 'machine-1', name: 'pc-finance-01' });
    assert.deepEqual(data.statuses, []);
    assert.equal(data.approval, undefined);
    assert.equal(data.retry, undefined);
    assert.equal(data.isolated, false);
    assert.equal(data.isolateWarning, undefined);
    assert.equal(data.assignable, true);
    assert.equal(factOf(data.isolateFacts, 'Tags'), 'finance');
    assert.equal(factOf(data.isolateFacts, 'Other open alerts'), 'none');
    assert.equal(factOf(data.isolateFacts, 'Logged-on users'), 'none reported');
  });

  it('should fail with OUTBOX.NOTHING_TO_DRAW when the alert is not stored', async () => {
    await assert.rejects(builder().build('da-404'), (error) => {
      assert.ok(isVigilError(error));
      assert.equal(error.code, 'OUTBOX.NOTHING_TO_DRAW');
      return true;
    });
    assert.deepEqual(renderer.drawn, []);
  });

  it('should show an isolation in progress as a status line naming its requester, not as isolated', async () => {
    await saveAlert(makeAlert());
    await record(makeAction({ state: 'inProgress', defenderStatus: 'Pending' }));
    const data = await draw();
    assert.equal(data.statuses.length, 1);
    const text = data.statuses[0]?.text ?? '';
    assert.match(text, /^⏳ Full isolation of pc-finance-01 requested by Ana Analyst at 10:00 UTC/);
    assert.match(text, /Defender: Pending/);
    assert.equal(data.isolated, false);
    assert.equal(data.approval, undefined);
    assert.equal(data.retry, undefined);
  });

  it("should show only this alert's actions, newest first", async () => {
    await saveAlert(makeAlert());
    await record(
      finished({ id: 'act-1', kind: 'scan', params: { scanType: 'Quick' }, state: 'succeeded' }, 5),
      makeAction({
        id: 'act-2',
        kind: 'isolate',
        state: 'queued',
        requestedAt: at(10),
        requestedBy: { aadObjectId: 'bo', name: 'Bo Responder' },
      }),
      makeAction({ id: 'act-other', alertId: 'da-2', kind: 'scan', state: 'queued', requestedAt: at(20) }),
    );
    const data = await draw();
    assert.equal(data.statuses.length, 2);
    assert.match(data.statuses[0]?.text ?? '', /Full isolation .* requested by Bo Responder/);
    assert.match(data.statuses[1]?.text ?? '', /^✅ Quick antivirus scan of pc-finance-01 succeeded/);
  });

  it('should offer Release once an isolation succeeded, and Isolate again once a later release succeeded', async () => {
    await saveAlert(makeAlert());
    await record(finished({ id: 'act-1', state: 'succeeded' }, 2));
    const isolated = await draw();
    assert.equal(isolated.isolated, true);
    assert.match(isolated.statuses[0]?.text ?? '', /^✅ Full isolation of pc-finance-01 succeeded/);

    await record(
      finished(
        {
          id: 'act-2',
          kind: 'unisolate',
          params: { reason: 'Clean' },
          state: 'succeeded',
          requestedAt: at(30),
        },
        31,
      ),
    );
    const released = await draw();
    assert.equal(released.isolated, false);
    assert.match(released.statuses[0]?.text ?? '', /^✅ Release of pc-finance-01 from isolation succeeded/);
  });

  it('should draw Release from isolation on the real card once the machine is isolated', async () => {
    await saveAlert(makeAlert());
    const before = await createGroupCardBuilder({
      repos: store.repos,
      renderer: templateCardRenderer,
      machines: cache,
      clock: { now: () => NOW },
    }).build('da-1');
    await record(finished({ id: 'act-1', state: 'succeeded' }, 2));
    const after = await createGroupCardBuilder({
      repos: store.repos,
      renderer: templateCardRenderer,
      machines: cache,
      clock: { now: () => NOW },
    }).build('da-1');
    const json = (message: typeof before.message) => JSON.stringify(message);
    assert.ok(json(before.message).includes('"Isolate…"'));
    assert.ok(!json(before.message).includes('Release from isolation…'));
    assert.ok(json(after.message).includes('Release from isolation…'));
    assert.ok(!json(after.message).includes('"Isolate…"'));
  });

  it("should take the isolation from any alert's action on the machine, but not from another machine's", async () => {
    await saveAlert(makeAlert());
    await record(
      finished({ id: 'act-other-alert', alertId: 'da-2', state: 'succeeded' }, 2),
      finished(
        {
          id: 'act-other-machine',
          alertId: 'da-3',
          machineId: 'machine-2',
          kind: 'unisolate',
          state: 'succeeded',
          requestedAt: at(5),
        },
        6,
      ),
    );
    const data = await draw();
    assert.equal(data.isolated, true);
    assert.deepEqual(data.statuses, [], "the other alert's isolation is not a status of this card");
  });

  it('should still know the machine is isolated after 250 later scans of it, most of them failed', async () => {
    await saveAlert(makeAlert());
    await record(finished({ id: 'act-isolate', state: 'succeeded' }, 1));
    const second = (n: number) => new Date(Date.UTC(2026, 0, 1, 10, 2) + n * 1000).toISOString();
    for (let n = 0; n < 250; n += 1) {
      const { nextCheckAt: _none, ...scan } = makeAction({
        id: `act-scan-${n}`,
        alertId: `da-scan-${n}`,
        kind: 'scan',
        params: { scanType: 'Quick' },
        state: n % 10 === 0 ? 'succeeded' : 'failed',
        requestedAt: second(n),
      });
      await record({ ...scan, finishedAt: second(n), updatedAt: second(n) });
    }
    const data = await draw();
    assert.equal(data.isolated, true);
  });

  it('should show Approve and Reject for an action waiting for approval, with its id', async () => {
    await saveAlert(makeAlert());
    await record(
      makeAction({
        id: 'act-wait',
        state: 'awaitingApproval',
        approval: { reason: 'pc-finance-01 is protected (tag tier0)', expiresAt: at(60) },
      }),
    );
    const data = await draw();
    assert.equal(data.approval?.actionId, 'act-wait');
    assert.match(data.approval?.prompt ?? '', /full isolation of pc-finance-01 requested by Ana Analyst/);
    assert.match(
      data.statuses[0]?.text ?? '',
      /^🔐 Full isolation .* needs a second responder's approval by .*requested by Ana Analyst/,
    );
    assert.equal(data.isolated, false);
  });

  it('should offer to retry a failed scan with its parameters', async () => {
    await saveAlert(makeAlert());
    await record(
      finished(
        {
          id: 'act-scan',
          kind: 'scan',
          params: { scanType: 'Full' },
          state: 'failed',
          outcomeNote: 'Defender refused',
        },
        3,
      ),
    );
    const data = await draw();
    assert.deepEqual(data.retry, {
      kind: 'scan',
      actionId: 'act-scan',
      title: 'Retry full antivirus scan of pc-finance-01',
      machineId: 'machine-1',
      scanType: 'Full',
    });
    assert.match(
      data.statuses[0]?.text ?? '',
      /^❌ Full antivirus scan of pc-finance-01 failed .*Defender refused/,
    );
    assert.equal(data.approval, undefined);
  });

  it('should count the other open alerts of the machine, leaving out this one and resolved ones', async () => {
    await saveAlert(makeAlert());
    await saveAlert(
      makeAlert({ id: 'da-2', title: 'Credential dumping', severity: 'high', createdAt: at(5) }),
    );
    await saveAlert(
      makeAlert({
        id: 'da-3',
        title: 'Mimikatz',
        severity: 'medium',
        status: 'inProgress',
        createdAt: at(6),
      }),
    );
    await saveAlert(
      makeAlert({ id: 'da-4', title: 'Old and resolved', status: 'resolved', createdAt: at(7) }),
    );
    await saveAlert(
      makeAlert({
        id: 'da-5',
        title: 'Elsewhere',
        machine: { id: 'machine-2', name: 'pc-hr-02' },
        createdAt: at(8),
      }),
    );
    const data = await draw();
    assert.equal(
      factOf(data.isolateFacts, 'Other open alerts'),
      '2 — Mimikatz (Medium); Credential dumping (High)',
    );
  });

  it('should count at most 20 other open alerts, whether or not this one is among the newest', async () => {
    for (let n = 0; n < 25; n += 1) {
      await saveAlert(makeAlert({ id: `da-${100 + n}`, title: `Alert ${n}`, createdAt: at(n) }));
    }
    const newest = await draw('da-124');
    assert.match(factOf(newest.isolateFacts, 'Other open alerts') ?? '', /^20 — /);
    assert.doesNotMatch(factOf(newest.isolateFacts, 'Other open alerts') ?? '', /Alert 24/);
    const oldest = await draw('da-100');
    assert.match(factOf(oldest.isolateFacts, 'Other open alerts') ?? '', /^20 — Alert 24/);
  });

  it('should count only open alerts on the same machine when this alert is resolved', async () => {
    await saveAlert(makeAlert({ status: 'resolved' }));
    await saveAlert(makeAlert({ id: 'da-2', title: 'Still open', createdAt: at(1) }));
    const data = await draw();
    assert.equal(factOf(data.isolateFacts, 'Other open alerts'), '1 — Still open (High)');
    assert.equal(data.assignable, false);
    assert.equal(data.resolvable, false);
  });

  it('should show the logged-on users of the machine', async () => {
    await saveAlert(makeAlert());
    cache.users.set('machine-1', [
      { name: 'alice', domain: 'CONTOSO', isDomainAdmin: false },
      { name: 'svc-backup' },
    ]);
    const data = await draw();
    assert.equal(factOf(data.isolateFacts, 'Logged-on users'), 'CONTOSO\\alice, svc-backup');
    assert.ok(cache.calls.includes('logonUsers machine-1'));
  });

  it('should warn that a tier0 machine needs a second responder to isolate', async () => {
    await saveAlert(makeAlert());
    cache.machines.set('machine-1', defenderMachine({ tags: ['Tier0', 'finance'] }));
    const data = await draw();
    assert.equal(
      data.isolateWarning,
      'pc-finance-01 is protected (tag Tier0): a second responder must approve the isolation.',
    );
    assert.equal(factOf(data.isolateFacts, 'Tags'), 'Tier0, finance');
  });

  it('should not warn without a protection policy, nor for a machine the policy does not name', async () => {
    await saveAlert(makeAlert());
    cache.machines.set('machine-1', defenderMachine({ tags: ['tier0'] }));
    assert.equal((await draw('da-1', { protection: undefined })).isolateWarning, undefined);
    const other = await draw('da-1', { protection: { tags: ['crown'], namePatterns: ['dc*'] } });
    assert.equal(other.isolateWarning, undefined);
  });

  it("should warn by name pattern with the alert's machine name when Defender cannot say", async () => {
    await saveAlert(makeAlert({ machine: { id: 'machine-9', name: 'dc01.contoso.com' } }));
    const data = await draw('da-1', { protection: { tags: ['tier0'], namePatterns: ['dc*'] } });
    assert.equal(
      data.isolateWarning,
      'dc01.contoso.com is protected (name matches dc*): a second responder must approve the isolation.',
    );
  });

  it('should still draw the card when Defender is unreachable', async () => {
    cache.machines.clear();
    await saveAlert(makeAlert());
    await record(makeAction({ state: 'inProgress' }));
    const data = await draw();
    assert.deepEqual(data.machine, { id: 'machine-1', name: 'pc-finance-01' });
    assert.equal(data.statuses.length, 1);
    assert.equal(factOf(data.isolateFacts, 'Tags'), undefined);
    assert.equal(factOf(data.isolateFacts, 'Risk'), undefined);
    assert.equal(factOf(data.isolateFacts, 'Logged-on users'), 'none reported');
    assert.equal(factOf(data.isolateFacts, 'Other open alerts'), 'none');
    assert.equal(data.isolateWarning, undefined);
    assert.deepEqual(cache.calls, ['lookup machine-1', 'logonUsers machine-1']);
  });

  it('should give an alert without a machine no isolate context, and not ask about machines', async () => {
    await saveAlert(mcasAlert());
    await record(
      finished(
        {
          id: 'act-resolve',
          alertId: 'ca-1',
          kind: 'resolve',
          machineId: undefined,
          machineName: undefined,
          params: { classification: 'truePositive', comment: 'Confirmed' },
          state: 'failed',
        },
        4,
      ),
    );
    const data = await draw('ca-1');
    assert.equal(data.machine, undefined);
    assert.deepEqual(data.isolateFacts, []);
    assert.equal(data.isolateWarning, undefined);
    assert.equal(data.isolated, false);
    assert.equal(data.assignable, false);
    assert.equal(data.retry?.kind, 'resolve');
    assert.match(data.statuses[0]?.text ?? '', /^❌ Resolution as true positive failed/);
    assert.deepEqual(cache.calls, []);
  });

  it('should draw the root alert of a fold group with its storm summary', async () => {
    await saveAlert(makeAlert({ id: 'da-root' }));
    await saveAlert(makeAlert({ id: 'da-twin', createdAt: at(3) }));
    await store.repos.folds.create({ id: 'group-1', titleKey: 'mde:ps', rootAlertId: 'da-root', at: at(0) });
    const data = await draw('group-1');
    assert.equal(data.alertId, 'da-root');
    assert.equal(data.fold, undefined, 'a group of one alert is no storm');
    assert.equal(
      factOf(data.isolateFacts, 'Other open alerts'),
      '1 — Suspicious PowerShell command line (High)',
    );
  });
});
