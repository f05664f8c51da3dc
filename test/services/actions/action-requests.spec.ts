import assert from 'node:assert/strict';
import { sha256Hex } from '../../../src/adapters/audit/sha256-hex';
import { verifyChain } from '../../../src/domain/audit/chain';
import type { Person } from '../../../src/services/roles/role-service';
import {
  type ActionKit,
  ALERT,
  ANA,
  actionKit,
  BEN,
  BOSS,
  isolationReads,
  MACHINE,
  MCAS_ALERT,
  makeAlert,
  NO_MACHINE_ALERT,
  OTHER_ALERT,
  PATTERN_ALERT,
  RESOLVED_ALERT,
  sinceT0,
  T0,
  TENANT,
  TEST_SETTINGS,
  TIER0_ALERT,
  TIER0_MACHINE,
  throttled,
  VAL,
} from './action-test-kit';

const now = new Date(T0).toISOString();
const HALF_HOUR = 30 * 60_000;
const ISOLATE = { isolationType: 'Full', reason: 'ransomware note found' } as const;

describe('createActionRequests', () => {
  let kit: ActionKit;
  beforeEach(async () => {
    kit = await actionKit();
  });
  afterEach(() => kit.store.close());

  /** Asserts that nothing was recorded about `alertId`, nothing queued for Teams and nothing sent. */
  async function assertNothingRecorded(alertId = ALERT): Promise<void> {
    assert.deepEqual(await kit.actionsOf(alertId), []);
    assert.deepEqual(await kit.drainOutbox(), []);
    assert.equal(kit.kicks.queued, 0);
    assert.equal(await kit.worker.runOnce(), 0);
    assert.deepEqual(kit.mde.calls, []);
  }

  describe('who may ask', () => {
    it("should refuse a viewer's request, audit it as refused for want of permission, and record or send nothing", async () => {
      const outcome = await kit.ask(VAL, 'isolate', ALERT, ISOLATE);
      assert.equal(outcome.status, 'refused');
      assert.equal(outcome.status === 'refused' && outcome.reason, 'permission');
      assert.match(outcome.message, /Only responders and admins can ask for isolation/);
      assert.deepEqual(await kit.auditLines(), [
        {
          action: 'alert.isolate.request',
          actor: 'val-id',
          target: ALERT,
          outcome: 'refused',
          details: { reason: 'permission', permission: 'alert.act' },
        },
      ]);
      await assertNothingRecorded();
    });

    it('should refuse someone without an Entra id, and a responder of another tenant', async () => {
      const anonymous: Person = { tenantId: TENANT, name: 'Ana Responder' };
      const elsewhere: Person = { ...ANA, tenantId: 'tenant-2' };
      for (const who of [anonymous, elsewhere]) {
        const outcome = await kit.ask(who, 'resolve', ALERT, { classification: 'truePositive' });
        assert.equal(outcome.status === 'refused' && outcome.reason, 'permission');
      }
      assert.deepEqual(
        (await kit.auditLines()).map((line) => [line.actor, line.outcome, line.details.reason]),
        [
          ['', 'refused', 'permission'],
          ['ana-id', 'refused', 'permission'],
        ],
      );
      await assertNothingRecorded();
    });

    it('should check the role before anything else (a viewer learns nothing about the alert)', async () => {
      const outcome = await kit.ask(VAL, 'isolate', 'da-unknown', ISOLATE);
      assert.equal(outcome.status === 'refused' && outcome.reason, 'permission');
    });

    it('should let a configured admin act without any grant', async () => {
      const outcome = await kit.ask(BOSS, 'scan', ALERT, { scanType: 'Quick' });
      assert.equal(outcome.status, 'accepted');
    });
  });

  describe('a new request', () => {
    it("should record a responder's isolation as queued, with the card update and the audit entry", async () => {
      const outcome = await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      assert.equal(outcome.status, 'accepted');
      const expected = {
        id: 'act-1',
        requestKey: `isolation:${MACHINE}`,
        kind: 'isolate',
        origin: 'card',
        tenantId: TENANT,
        alertId: ALERT,
        machineId: MACHINE,
        machineName: 'pc-finance-01.contoso.com',
        params: ISOLATE,
        requestedBy: { aadObjectId: 'ana-id', name: 'Ana Responder' },
        requestedAt: now,
        state: 'queued',
        attempts: 0,
        nextCheckAt: now,
        updatedAt: now,
      };
      assert.deepEqual(outcome.status === 'accepted' && outcome.action, expected);
      assert.deepEqual(await kit.action('act-1'), expected);
      assert.equal(
        outcome.message,
        'Full isolation of pc-finance-01 requested by Ana Responder at 09:00 UTC · sending to Defender. The card follows it until Defender is done.',
      );
      assert.deepEqual(await kit.drainOutbox(), [{ kind: 'updateCard', groupId: 'group-1' }]);
      assert.deepEqual(await kit.auditLines(), [
        {
          action: 'alert.isolate.request',
          actor: 'ana-id',
          target: ALERT,
          outcome: 'succeeded',
          details: { actionId: 'act-1', ...ISOLATE },
        },
      ]);
      assert.equal(kit.kicks.queued, 1);
      assert.deepEqual(kit.mde.callLog(), isolationReads(MACHINE), 'the request itself only reads Defender');
    });

    it("should accept the alert's own machine id in any case", async () => {
      const outcome = await kit.requests.request({
        kind: 'scan',
        origin: 'card',
        by: ANA,
        alertId: ALERT,
        machineId: MACHINE.toUpperCase(),
        params: { scanType: 'Full' },
      });
      assert.equal(outcome.status, 'accepted');
      assert.equal(outcome.status === 'accepted' && outcome.action.requestKey, `scan:${MACHINE}`);
    });

    it('should key resolutions and assignments on the alert, not the machine', async () => {
      const resolve = await kit.ask(ANA, 'resolve', ALERT, { classification: 'truePositive' });
      const assign = await kit.ask(ANA, 'assign', ALERT, { assignee: 'ben@contoso.com' });
      assert.equal(resolve.status === 'accepted' && resolve.action.requestKey, `resolve:${ALERT}`);
      assert.equal(assign.status === 'accepted' && assign.action.requestKey, `assign:${ALERT}`);
      assert.equal(resolve.status === 'accepted' && resolve.action.machineId, undefined);
    });
  });

  describe('one open action per intent', () => {
    it('should answer a second isolation of the machine (another alert, another analyst) as a duplicate naming the first requester', async () => {
      await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      await kit.drainOutbox();
      kit.clock.advance(20_000);
      const second = await kit.ask(BEN, 'isolate', OTHER_ALERT, {
        isolationType: 'Selective',
        reason: 'me too',
      });
      assert.equal(second.status, 'duplicate');
      assert.equal(second.status === 'duplicate' && second.action.id, 'act-1');
      assert.match(second.message, /requested by Ana Responder at 09:00 UTC/);
      assert.match(second.message, /Nothing new was sent: one request per intent\./);
      assert.deepEqual(
        (await kit.store.repos.actions.list({ machineId: MACHINE, limit: 10 })).map((a) => a.id),
        ['act-1'],
      );
      assert.deepEqual(await kit.actionsOf(OTHER_ALERT), []);
      assert.deepEqual(await kit.drainOutbox(), []);
      assert.equal(kit.kicks.queued, 1);
      assert.deepEqual((await kit.auditLines()).at(-1), {
        action: 'alert.isolate.request',
        actor: 'ben-id',
        target: OTHER_ALERT,
        outcome: 'refused',
        details: { reason: 'already requested', actionId: 'act-1' },
      });
    });

    it('should take a double click, or a release while the isolation is open, as the same intent', async () => {
      await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      assert.equal((await kit.ask(ANA, 'isolate', ALERT, ISOLATE)).status, 'duplicate');
      assert.equal((await kit.ask(BEN, 'unisolate', ALERT, { reason: 'oops' })).status, 'duplicate');
      assert.equal((await kit.actionsOf(ALERT)).length, 1);
    });

    it('should accept other intents on the same machine and alert meanwhile', async () => {
      await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      assert.equal((await kit.ask(BEN, 'scan', ALERT, { scanType: 'Quick' })).status, 'accepted');
      assert.equal(
        (await kit.ask(BEN, 'resolve', ALERT, { classification: 'truePositive' })).status,
        'accepted',
      );
      assert.equal((await kit.actionsOf(ALERT)).length, 3);
    });

    it('should accept a new request once the first one has ended', async () => {
      await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      const first = await kit.endInDefender('act-1', 'Failed');
      assert.equal(first.state, 'failed');
      assert.equal(first.requestKey, `isolation:${MACHINE}#act-1`);
      const again = await kit.ask(BEN, 'isolate', OTHER_ALERT, ISOLATE);
      assert.equal(again.status, 'accepted');
      assert.equal(again.status === 'accepted' && again.action.id, 'act-2');
      assert.equal(again.status === 'accepted' && again.action.requestKey, `isolation:${MACHINE}`);
      assert.equal(kit.kicks.queued, 2);
    });
  });

  describe('protected machines', () => {
    it('should hold the isolation of a machine tagged tier0 for approval, until the approval expires', async () => {
      const outcome = await kit.ask(ANA, 'isolate', TIER0_ALERT, ISOLATE);
      assert.equal(outcome.status, 'accepted');
      const action = await kit.action('act-1');
      assert.equal(action.state, 'awaitingApproval');
      assert.deepEqual(action.approval, {
        reason: 'srv-core-01.contoso.com is protected (tag Tier0)',
        expiresAt: sinceT0(HALF_HOUR),
      });
      assert.equal(action.nextCheckAt, sinceT0(HALF_HOUR), 'the worker looks again when it expires');
      assert.equal(
        outcome.message,
        "srv-core-01.contoso.com is protected (tag Tier0): your request waits for a second responder's approval until 09:30 UTC.",
      );
      assert.deepEqual(await kit.drainOutbox(), [
        { kind: 'updateCard', groupId: 'group-tier0' },
        {
          kind: 'reply',
          groupId: 'group-tier0',
          text: "🔐 Full isolation of srv-core-01 needs a second responder's approval by 09:30 UTC (requested by Ana Responder at 09:00 UTC; srv-core-01.contoso.com is protected (tag Tier0)). Approve or reject it on the card.",
          plain: true,
        },
      ]);
      assert.deepEqual((await kit.auditLines())[0]?.details, {
        actionId: 'act-1',
        ...ISOLATE,
        approval: 'srv-core-01.contoso.com is protected (tag Tier0)',
      });
      kit.clock.advance(HALF_HOUR - 1);
      assert.equal(await kit.worker.runOnce(), 0, 'nothing is due before the approval expires');
      assert.deepEqual(kit.mde.callLog(), isolationReads(TIER0_MACHINE), 'only the click read Defender');
    });

    it('should hold the isolation of a machine whose name matches a protected pattern', async () => {
      await kit.ask(ANA, 'isolate', PATTERN_ALERT, ISOLATE);
      const action = await kit.action('act-1');
      assert.equal(action.state, 'awaitingApproval');
      assert.equal(action.approval?.reason, 'dc01.contoso.com is protected (name matches dc??)');
    });

    it("should hold the isolation when Defender cannot tell the machine's tags", async () => {
      await kit.seedAlert(
        makeAlert({ id: 'da-ghost', machine: { id: 'machine-ghost', name: 'ws-ghost.contoso.com' } }),
        'group-ghost',
      );
      await kit.ask(ANA, 'isolate', 'da-ghost', ISOLATE);
      const action = await kit.action('act-1');
      assert.equal(action.state, 'awaitingApproval');
      assert.match(action.approval?.reason ?? '', /could not read ws-ghost\.contoso\.com's tags/);
    });

    it('should queue at once what is not an isolation, even on a protected machine', async () => {
      await kit.ask(ANA, 'scan', TIER0_ALERT, { scanType: 'Quick' });
      await kit.ask(ANA, 'resolve', TIER0_ALERT, { classification: 'truePositive' });
      const states = (await kit.actionsOf(TIER0_ALERT)).map((a) => [a.kind, a.state, a.approval]);
      assert.deepEqual(states.sort(), [
        ['resolve', 'queued', undefined],
        ['scan', 'queued', undefined],
      ]);
    });
  });

  describe('approving and rejecting', () => {
    beforeEach(async () => {
      await kit.ask(ANA, 'isolate', TIER0_ALERT, ISOLATE);
      await kit.drainOutbox();
      kit.clock.advance(60_000);
    });

    it("should refuse the requester's own approval, whatever the case of her id, and audit it", async () => {
      for (const self of [ANA, { ...ANA, aadObjectId: 'ana-id' }]) {
        const outcome = await kit.requests.approve(self, 'act-1');
        assert.equal(outcome.status === 'refused' && outcome.reason, 'self-approval');
      }
      assert.equal((await kit.action('act-1')).state, 'awaitingApproval');
      assert.deepEqual((await kit.auditLines()).slice(1), [
        {
          action: 'alert.isolate.approve',
          actor: 'ana-id',
          target: TIER0_ALERT,
          outcome: 'refused',
          details: { reason: 'self-approval', actionId: 'act-1' },
        },
        {
          action: 'alert.isolate.approve',
          actor: 'ana-id',
          target: TIER0_ALERT,
          outcome: 'refused',
          details: { reason: 'self-approval', actionId: 'act-1' },
        },
      ]);
      assert.deepEqual(await kit.drainOutbox(), []);
    });

    it("should refuse a viewer's decision and one on an unknown request, auditing both", async () => {
      const viewer = await kit.requests.approve(VAL, 'act-1');
      const unknown = await kit.requests.reject(BEN, 'act-404');
      assert.equal(viewer.status === 'refused' && viewer.reason, 'permission');
      assert.equal(unknown.status === 'refused' && unknown.reason, 'unknown');
      assert.deepEqual(
        (await kit.auditLines()).slice(1).map((line) => [line.action, line.actor, line.target, line.details]),
        [
          ['alert.isolate.approve', 'val-id', TIER0_ALERT, { reason: 'permission', actionId: 'act-1' }],
          ['alert.action.reject', 'ben-id', 'act-404', { reason: 'unknown' }],
        ],
      );
      assert.equal((await kit.action('act-1')).state, 'awaitingApproval');
    });

    it("should queue it on another responder's approval, tell the thread, audit it, and wake the worker", async () => {
      const outcome = await kit.requests.approve(BEN, 'act-1');
      assert.equal(outcome.status, 'decided');
      assert.equal(outcome.message, 'Approved: Vigil sends it to Defender now.');
      const action = await kit.action('act-1');
      assert.equal(action.state, 'queued');
      assert.equal(action.nextCheckAt, sinceT0(60_000));
      assert.deepEqual(action.approval, {
        reason: 'srv-core-01.contoso.com is protected (tag Tier0)',
        expiresAt: sinceT0(HALF_HOUR),
        decidedBy: { aadObjectId: 'ben-id', name: 'Ben Responder' },
        decidedAt: sinceT0(60_000),
      });
      assert.deepEqual(await kit.drainOutbox(), [
        { kind: 'updateCard', groupId: 'group-tier0' },
        {
          kind: 'reply',
          groupId: 'group-tier0',
          text: '👍 Ben Responder approved: Full isolation of srv-core-01 requested by Ana Responder at 09:00 UTC, approved by Ben Responder · sending to Defender.',
          plain: true,
        },
      ]);
      assert.deepEqual((await kit.auditLines()).at(-1), {
        action: 'alert.isolate.approve',
        actor: 'ben-id',
        target: TIER0_ALERT,
        outcome: 'succeeded',
        details: { actionId: 'act-1', requestedBy: 'ana-id' },
      });
      assert.equal(kit.kicks.queued, 2);
      assert.equal(await kit.worker.runOnce(), 1);
      assert.deepEqual(
        kit.mde.creatingCalls().map((call) => [call.method, call.args[0]]),
        [['isolate', TIER0_MACHINE]],
      );
      assert.equal((await kit.action('act-1')).state, 'inProgress');
    });

    for (const [how, demote] of [
      ['lost her grant', (k: ActionKit) => k.store.repos.roles.remove(TENANT, 'ana-id')],
      [
        'was made a viewer',
        (k: ActionKit) =>
          k.store.repos.roles.set({
            tenantId: TENANT,
            aadObjectId: 'ana-id',
            role: 'viewer',
            grantedBy: 'boss-id',
            grantedAt: k.clock.iso(),
          }),
      ],
    ] as const) {
      it(`should refuse the approval when the requester ${how} since, audited, changing nothing`, async () => {
        await demote(kit);
        const outcome = await kit.requests.approve(BEN, 'act-1');
        assert.deepEqual(outcome, {
          status: 'refused',
          reason: 'permission',
          message: 'Ana Responder no longer holds the responder role: the request cannot be approved.',
        });
        assert.deepEqual((await kit.auditLines()).slice(1), [
          {
            action: 'alert.isolate.approve',
            actor: 'ben-id',
            target: TIER0_ALERT,
            outcome: 'refused',
            details: { reason: 'permission', actionId: 'act-1', requester: 'ana-id' },
          },
        ]);
        const action = await kit.action('act-1');
        assert.equal(action.state, 'awaitingApproval');
        assert.equal(action.approval?.decidedBy, undefined);
        assert.deepEqual(await kit.drainOutbox(), []);
        assert.equal(kit.kicks.queued, 1, 'the worker is not woken');
        assert.equal(await kit.worker.runOnce(), 0);
        assert.deepEqual(kit.mde.creatingCalls(), []);
      });
    }

    it('should still let a responder reject the request of a requester who lost the role', async () => {
      await kit.store.repos.roles.remove(TENANT, 'ana-id');
      const outcome = await kit.requests.reject(BEN, 'act-1');
      assert.equal(outcome.status, 'decided');
      assert.equal((await kit.action('act-1')).state, 'rejected');
    });

    it('should take the approval of a request by an admin by configuration (no grant needed)', async () => {
      await kit.ask(BOSS, 'isolate', PATTERN_ALERT, ISOLATE);
      const outcome = await kit.requests.approve(BEN, 'act-2');
      assert.equal(outcome.status, 'decided');
      assert.equal((await kit.action('act-2')).state, 'queued');
    });

    it('should answer a second approval as too late, audited, changing nothing', async () => {
      await kit.requests.approve(BEN, 'act-1');
      await kit.drainOutbox();
      const again = await kit.requests.approve(BOSS, 'act-1');
      assert.equal(again.status, 'tooLate');
      assert.match(again.message, /^Too late: Full isolation of srv-core-01 requested by Ana Responder/);
      assert.equal((await kit.action('act-1')).approval?.decidedBy?.aadObjectId, 'ben-id');
      assert.deepEqual((await kit.auditLines()).at(-1), {
        action: 'alert.isolate.approve',
        actor: 'boss-id',
        target: TIER0_ALERT,
        outcome: 'refused',
        details: { reason: 'too late', actionId: 'act-1', state: 'queued' },
      });
      assert.deepEqual(await kit.drainOutbox(), []);
    });

    it('should end it rejected on a rejection, sending nothing and freeing the intent', async () => {
      const outcome = await kit.requests.reject(BEN, 'act-1');
      assert.equal(outcome.status, 'decided');
      assert.equal(outcome.message, 'Rejected: nothing was sent to Defender.');
      const action = await kit.action('act-1');
      assert.equal(action.state, 'rejected');
      assert.equal(action.outcomeNote, 'by Ben Responder');
      assert.equal(action.finishedAt, sinceT0(60_000));
      assert.equal(action.nextCheckAt, undefined);
      assert.equal(action.requestKey, `isolation:${TIER0_MACHINE}#act-1`);
      assert.deepEqual(await kit.drainOutbox(), [
        { kind: 'updateCard', groupId: 'group-tier0' },
        {
          kind: 'reply',
          groupId: 'group-tier0',
          text: '⛔ Ben Responder rejected the request: nothing was sent to Defender.',
          plain: true,
        },
      ]);
      assert.deepEqual((await kit.auditLines()).at(-1), {
        action: 'alert.isolate.reject',
        actor: 'ben-id',
        target: TIER0_ALERT,
        outcome: 'succeeded',
        details: { actionId: 'act-1', requestedBy: 'ana-id' },
      });
      kit.clock.advance(2 * HALF_HOUR);
      assert.equal(await kit.worker.runOnce(), 0);
      assert.deepEqual(kit.mde.callLog(), isolationReads(TIER0_MACHINE), 'only the click read Defender');
      assert.equal((await kit.ask(BEN, 'isolate', TIER0_ALERT, ISOLATE)).status, 'accepted');
    });

    it('should let the requester withdraw her own request', async () => {
      const outcome = await kit.requests.reject(ANA, 'act-1');
      assert.equal(outcome.status, 'decided');
      const action = await kit.action('act-1');
      assert.equal(action.state, 'rejected');
      assert.equal(action.outcomeNote, 'by Ana Responder (withdrawn)');
    });

    it('should still take an approval a moment before the expiry', async () => {
      kit.clock.set(T0 + HALF_HOUR - 1);
      assert.equal((await kit.requests.approve(BEN, 'act-1')).status, 'decided');
      assert.equal((await kit.action('act-1')).state, 'queued');
    });

    it('should end it expired when someone clicks too late: nothing sent, the thread told, audited', async () => {
      kit.clock.set(T0 + HALF_HOUR);
      const outcome = await kit.requests.approve(BEN, 'act-1');
      assert.equal(outcome.status, 'tooLate');
      assert.equal(outcome.message, 'Too late: the request expired before anyone approved it.');
      const action = await kit.action('act-1');
      assert.equal(action.state, 'expired');
      assert.equal(action.finishedAt, sinceT0(HALF_HOUR));
      assert.equal(action.nextCheckAt, undefined);
      assert.equal(action.approval?.decidedBy, undefined, 'nobody decided');
      const queued = await kit.drainOutbox();
      assert.deepEqual(
        queued.map((item) => [item.kind, item.plain]),
        [
          ['updateCard', undefined],
          ['reply', true],
        ],
      );
      assert.match(
        queued[1]?.text ?? '',
        /^⌛ Full isolation of srv-core-01 expired: nobody approved it in time/,
      );
      assert.deepEqual(
        (await kit.auditLines())
          .slice(1)
          .map((line) => [line.action, line.actor, line.outcome, line.details]),
        [
          [
            'alert.isolate',
            'ana-id',
            'failed',
            { actionId: 'act-1', state: 'expired', note: 'nobody approved it in time' },
          ],
          ['alert.isolate.approve', 'ben-id', 'refused', { reason: 'expired', actionId: 'act-1' }],
        ],
      );
      assert.equal(await kit.worker.runOnce(), 0);
      assert.deepEqual(kit.mde.callLog(), isolationReads(TIER0_MACHINE), 'only the click read Defender');
      assert.equal(verifyChain(await kit.auditEntries(), sha256Hex), undefined);
    });
  });

  describe('nothing to do', () => {
    it('should not resolve an alert already resolved, saying so (audited, nothing recorded)', async () => {
      const outcome = await kit.ask(ANA, 'resolve', RESOLVED_ALERT, { classification: 'truePositive' });
      assert.deepEqual(outcome, {
        status: 'nothingToDo',
        message: 'Alert da-resolved is already resolved (falsePositive): nothing was sent.',
      });
      assert.deepEqual(await kit.auditLines(), [
        {
          action: 'alert.resolve.request',
          actor: 'ana-id',
          target: RESOLVED_ALERT,
          outcome: 'succeeded',
          details: { result: 'nothing to do', note: outcome.message },
        },
      ]);
      await assertNothingRecorded(RESOLVED_ALERT);
    });

    it('should not assign an alert to whom it is already assigned (any case)', async () => {
      await kit.seedAlert(makeAlert({ id: 'da-mine', assignedTo: 'Ben@Contoso.com' }), 'group-mine');
      const outcome = await kit.ask(ANA, 'assign', 'da-mine', { assignee: 'ben@contoso.com' });
      assert.equal(outcome.status, 'nothingToDo');
      assert.equal(
        outcome.message,
        'Alert da-mine is already assigned to Ben@Contoso.com: nothing was sent.',
      );
      assert.equal(
        (await kit.ask(ANA, 'assign', 'da-mine', { assignee: 'ana@contoso.com' })).status,
        'accepted',
      );
    });

    it('should not isolate a machine Defender shows isolated, saying since when and by whom (audited, nothing recorded)', async () => {
      kit.mde.addAction({
        type: 'Isolate',
        status: 'Succeeded',
        requestor: 'megan@contoso.com',
        createdAt: sinceT0(-2 * 3600_000),
        updatedAt: sinceT0(-110 * 60_000),
      });
      const outcome = await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      assert.deepEqual(outcome, {
        status: 'nothingToDo',
        message:
          'pc-finance-01 is already isolated in Defender (since 07:10 UTC, by megan@contoso.com): nothing was sent.',
      });
      assert.deepEqual(await kit.auditLines(), [
        {
          action: 'alert.isolate.request',
          actor: 'ana-id',
          target: ALERT,
          outcome: 'succeeded',
          details: { result: 'nothing to do', note: outcome.message },
        },
      ]);
      assert.deepEqual(kit.mde.callLog(), isolationReads(MACHINE), 'one read per type, nothing sent');
      assert.deepEqual(await kit.actionsOf(ALERT), []);
      assert.deepEqual(await kit.drainOutbox(), []);
      assert.equal(kit.kicks.queued, 0);
    });

    it('should not release a machine Defender released last (the newest that succeeded decides, whoever asked)', async () => {
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', createdAt: sinceT0(-3 * 3600_000) });
      const { requestor: _anonymous, ...release } = kit.mde.addAction({
        type: 'Unisolate',
        status: 'Succeeded',
        createdAt: sinceT0(-3600_000),
        updatedAt: sinceT0(-55 * 60_000),
      });
      kit.mde.machineActions[1] = release; // Defender names no requestor for this one
      kit.mde.addAction({ type: 'Isolate', status: 'Failed', createdAt: sinceT0(-30 * 60_000) });
      const outcome = await kit.ask(ANA, 'unisolate', ALERT, { reason: 'clean' });
      assert.deepEqual(outcome, {
        status: 'nothingToDo',
        message: 'pc-finance-01 is not isolated in Defender (since 08:05 UTC): nothing was sent.',
      });
      assert.deepEqual(await kit.actionsOf(ALERT), []);
      assert.equal((await kit.ask(ANA, 'isolate', ALERT, ISOLATE)).status, 'accepted');
    });

    it('should say so again after Vigil itself isolated or released the machine (Defender shows it)', async () => {
      await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      assert.equal((await kit.endInDefender('act-1', 'Succeeded')).state, 'succeeded');
      await kit.drainOutbox();

      const again = await kit.ask(BEN, 'isolate', OTHER_ALERT, ISOLATE);
      assert.deepEqual(again, {
        status: 'nothingToDo',
        message:
          'pc-finance-01 is already isolated in Defender (since 09:00 UTC, by vigil-app@contoso.com): nothing was sent.',
      });
      assert.deepEqual(await kit.actionsOf(OTHER_ALERT), []);
      assert.deepEqual(await kit.drainOutbox(), []);

      kit.clock.advance(60_000);
      assert.equal((await kit.ask(BEN, 'unisolate', OTHER_ALERT, { reason: 'clean' })).status, 'accepted');
      assert.equal((await kit.endInDefender('act-2', 'Succeeded')).state, 'succeeded');
      const release = await kit.ask(ANA, 'unisolate', ALERT, { reason: 'clean' });
      assert.deepEqual(release, {
        status: 'nothingToDo',
        message:
          'pc-finance-01 is not isolated in Defender (since 09:01 UTC, by vigil-app@contoso.com): nothing was sent.',
      });
      assert.deepEqual(
        kit.mde.creatingCalls().map((call) => call.method),
        ['isolate', 'unisolate'],
      );
    });

    it("should not let Vigil's own record refuse a click: a machine released in the portal since may be isolated again", async () => {
      await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      assert.equal((await kit.endInDefender('act-1', 'Succeeded')).state, 'succeeded');
      kit.clock.advance(3600_000);
      kit.mde.addAction({ type: 'Unisolate', status: 'Succeeded', requestor: 'carol@contoso.com' });
      const again = await kit.ask(BEN, 'isolate', OTHER_ALERT, ISOLATE);
      assert.equal(again.status, 'accepted', 'Vigil still records its isolation, Defender says released');
      assert.equal(again.status === 'accepted' && again.action.id, 'act-2');
      assert.equal((await kit.endInDefender('act-2', 'Succeeded')).state, 'succeeded');
      assert.equal(kit.mde.callsOf('isolate').length, 2);
    });

    it("should not let Vigil's own record refuse a release of a machine isolated in the portal since", async () => {
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', createdAt: sinceT0(-7200_000) });
      await kit.ask(ANA, 'unisolate', ALERT, { reason: 'clean' });
      assert.equal((await kit.endInDefender('act-1', 'Succeeded')).state, 'succeeded');
      kit.clock.advance(3600_000);
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', requestor: 'carol@contoso.com' });
      assert.equal((await kit.ask(BEN, 'unisolate', OTHER_ALERT, { reason: 'clean' })).status, 'accepted');
    });

    it('should accept the click when Defender has an isolation or release still open, or never isolated the machine', async () => {
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', createdAt: sinceT0(-7200_000) });
      kit.mde.addAction({ type: 'Unisolate', status: 'InProgress', createdAt: sinceT0(-60_000) });
      const isolate = await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      assert.equal(isolate.status, 'accepted', 'isolated, but a release is open: the worker decides');

      const { machine: _pc, ...rest } = makeAlert({ id: 'da-fresh' });
      await kit.seedAlert({ ...rest, machine: { id: 'machine-fresh', name: 'pc-fresh.contoso.com' } }, 'g');
      assert.equal(
        (await kit.ask(ANA, 'unisolate', 'da-fresh', { reason: 'clean' })).status,
        'accepted',
        'no isolation ever succeeded: Defender does not say it is released',
      );
    });

    it("should find the machine's isolation among many other actions, in whatever order Defender lists them", async () => {
      kit.mde.addAction({
        type: 'Isolate',
        status: 'Succeeded',
        requestor: 'megan@contoso.com',
        createdAt: sinceT0(-3 * 3600_000),
        updatedAt: sinceT0(-3 * 3600_000),
      });
      kit.mde.addAction({ type: 'Unisolate', status: 'Succeeded', createdAt: sinceT0(-2 * 3600_000) });
      kit.mde.addAction({
        type: 'Isolate',
        status: 'Succeeded',
        requestor: 'megan@contoso.com',
        createdAt: sinceT0(-3600_000),
        updatedAt: sinceT0(-3600_000),
      });
      for (let n = 0; n < 60; n += 1) {
        kit.mde.addAction({ type: 'RunAntiVirusScan', status: 'Succeeded', createdAt: sinceT0(-n * 1000) });
      }
      const oldestFirst = async (real: () => ReturnType<typeof kit.mde.listMachineActions>) =>
        (await real()).reverse();
      kit.mde.script('listMachineActions', oldestFirst, oldestFirst);
      const outcome = await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      assert.deepEqual(outcome, {
        status: 'nothingToDo',
        message:
          'pc-finance-01 is already isolated in Defender (since 08:00 UTC, by megan@contoso.com): nothing was sent.',
      });
      assert.deepEqual(kit.mde.callLog(), isolationReads(MACHINE));
    });
  });

  describe('when Defender cannot say at click time', () => {
    it('should queue the isolation when Defender does not answer within lookupTimeoutMs; the worker skips it', async () => {
      await kit.store.close();
      kit = await actionKit({ settings: { ...TEST_SETTINGS, lookupTimeoutMs: 30 } });
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', createdAt: sinceT0(-3600_000) });
      let answer: (() => void) | undefined;
      kit.mde.script(
        'listMachineActions',
        (real) =>
          new Promise((resolve) => {
            answer = () => resolve(real());
          }),
      );
      const started = Date.now();
      const outcome = await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
      assert.ok(Date.now() - started < 2000, 'the click is answered after the lookup timeout');
      assert.equal(outcome.status, 'accepted');
      assert.equal((await kit.action('act-1')).state, 'queued');
      answer?.(); // Defender's late answer changes nothing
      await kit.worker.runOnce();
      const skipped = await kit.action('act-1');
      assert.equal(skipped.state, 'skipped');
      assert.equal(skipped.outcomeNote, 'the machine is already isolated in Defender');
      assert.deepEqual(kit.mde.creatingCalls(), []);
    });

    it('should queue the isolation when reading Defender fails', async () => {
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', createdAt: sinceT0(-3600_000) });
      kit.mde.script('listMachineActions', async () => {
        throw throttled();
      });
      assert.equal((await kit.ask(ANA, 'isolate', ALERT, ISOLATE)).status, 'accepted');
      assert.equal((await kit.action('act-1')).state, 'queued');
    });

    it('should not read Defender at all without readIsolation (the worker decides)', async () => {
      await kit.store.close();
      kit = await actionKit({ withIsolationLookup: false });
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', createdAt: sinceT0(-3600_000) });
      assert.equal((await kit.ask(ANA, 'isolate', ALERT, ISOLATE)).status, 'accepted');
      assert.deepEqual(kit.mde.calls, []);
    });
  });

  describe('requests that do not fit', () => {
    const cases: [string, Person, Parameters<ActionKit['ask']>[1], string, Record<string, string>, RegExp][] =
      [
        ['an unknown alert', ANA, 'isolate', 'da-unknown', ISOLATE, /Vigil does not know alert da-unknown/],
        ['an assignment without assignee', ANA, 'assign', ALERT, {}, /Say who the alert goes to/],
        [
          'an assignment of a Cloud Apps alert',
          ANA,
          'assign',
          MCAS_ALERT,
          { assignee: 'ben@contoso.com' },
          /cannot be assigned/,
        ],
        [
          'a resolution without classification',
          ANA,
          'resolve',
          ALERT,
          { comment: 'done' },
          /Choose a classification/,
        ],
        [
          'an isolation of an alert without machine',
          ANA,
          'isolate',
          NO_MACHINE_ALERT,
          ISOLATE,
          /names no machine/,
        ],
        ['a scan of a Cloud Apps alert', ANA, 'scan', MCAS_ALERT, {}, /names no machine/],
      ];
    for (const [what, who, kind, alertId, params, message] of cases) {
      it(`should refuse ${what}, audited, recording nothing`, async () => {
        const outcome = await kit.ask(who, kind, alertId, params);
        assert.equal(outcome.status, 'refused');
        assert.equal(
          outcome.status === 'refused' && outcome.reason,
          alertId === 'da-unknown' ? 'unknown' : 'invalid',
        );
        assert.match(outcome.message, message);
        assert.deepEqual(await kit.auditLines(), [
          {
            action: `alert.${kind}.request`,
            actor: 'ana-id',
            target: alertId,
            outcome: 'refused',
            details: { reason: alertId === 'da-unknown' ? 'unknown' : 'invalid' },
          },
        ]);
        await assertNothingRecorded(alertId);
      });
    }

    it("should refuse a button drawn for another machine than the alert's", async () => {
      const outcome = await kit.requests.request({
        kind: 'isolate',
        origin: 'card',
        by: ANA,
        alertId: ALERT,
        machineId: TIER0_MACHINE,
        params: ISOLATE,
      });
      assert.equal(outcome.status === 'refused' && outcome.reason, 'invalid');
      assert.match(outcome.message, /another machine/);
      await assertNothingRecorded();
    });
  });

  it('should keep one unbroken audit chain through requests, refusals and decisions', async () => {
    await kit.ask(VAL, 'isolate', ALERT, ISOLATE);
    await kit.ask(ANA, 'isolate', TIER0_ALERT, ISOLATE);
    await kit.requests.approve(ANA, 'act-1');
    await kit.requests.approve(BEN, 'act-1');
    await kit.ask(BEN, 'isolate', TIER0_ALERT, ISOLATE);
    const entries = await kit.auditEntries();
    assert.equal(entries.length, 5);
    assert.equal(verifyChain(entries, sha256Hex), undefined);
  });
});
