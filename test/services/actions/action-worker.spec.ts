import assert from 'node:assert/strict';
import sinon from 'sinon';
import { sha256Hex } from '../../../src/adapters/audit/sha256-hex';
import { defenderComment } from '../../../src/domain/actions/defender-comment';
import { pollDelayMs } from '../../../src/domain/actions/poll-delay';
import type { ResponseAction } from '../../../src/domain/actions/response-action';
import type { Alert, AlertClassification } from '../../../src/domain/alerts/alert';
import { verifyChain } from '../../../src/domain/audit/chain';
import type { MachineAction, MachineActionStatus } from '../../../src/domain/machines/machine-action';
import { ACTION_DEFAULTS } from '../../../src/services/actions/action-settings';
import { MCAS_BENIGN_REASONS, MCAS_FALSE_POSITIVE_REASONS } from '../../../src/services/ports/mcas.port';
import { recordingLogger } from '../../helpers/recording-logger';
import {
  type ActionKit,
  ALERT,
  ANA,
  actionKit,
  alreadyPending,
  BEN,
  defenderError,
  forbidden,
  isolationReads,
  lostAnswer,
  MACHINE,
  MCAS_ALERT,
  makeAlert,
  type QueuedItem,
  sinceT0,
  T0,
  TEST_SETTINGS,
  TIER0_ALERT,
  TIER0_MACHINE,
  throttled,
} from './action-test-kit';

const ISOLATE = { isolationType: 'Full', reason: 'ransomware note found' } as const;
const COMMENT = 'Isolated from Teams by Ana Responder (alert da-1): ransomware note found';
const LEASE = TEST_SETTINGS.leaseMs;
const HOUR = 3600_000;

/** Lets pending async work run for a while (a worker run that is still going). */
async function settle(turns = 50): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** `until` for a condition that must be read asynchronously (the store). */
async function eventually(condition: () => Promise<boolean>): Promise<void> {
  for (let turn = 0; turn < 200; turn += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail('the condition never came true');
}

/** Lets other pending async work run (a worker run that is still going). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.ok(condition(), 'the condition never came true');
}

describe('createActionWorker (with advanceAction)', () => {
  let kit: ActionKit;
  /** Everything queued for Teams since the test started (drained as the test goes). */
  let queued: QueuedItem[];
  beforeEach(async () => {
    kit = await actionKit();
    queued = [];
  });
  afterEach(async () => {
    sinon.restore();
    await kit.store.close();
  });

  /** The items queued for Teams since the last call. */
  async function newlyQueued(): Promise<QueuedItem[]> {
    const items = await kit.drainOutbox();
    queued.push(...items);
    return items;
  }

  /** Ana's isolation of machine-1 from alert da-1, recorded (and its request's card update drained). */
  async function requestIsolation(): Promise<ResponseAction> {
    const outcome = await kit.ask(ANA, 'isolate', ALERT, ISOLATE);
    assert.equal(outcome.status, 'accepted');
    await newlyQueued();
    return kit.action('act-1');
  }

  /** The audit entries the worker wrote (every `alert.<kind>` ending). */
  async function endings() {
    return (await kit.auditLines()).filter((line) => !/\.(request|approve|reject)$/.test(line.action));
  }

  const replies = () => queued.filter((item) => item.kind === 'reply');

  describe('sending an isolation and following it', () => {
    it('should send exactly one isolation with its comment, follow it to Succeeded, and report the end once', async () => {
      await requestIsolation();
      assert.equal(await kit.worker.runOnce(), 1);
      assert.deepEqual(kit.mde.callLog(), [
        ...isolationReads(MACHINE), // the click
        ...isolationReads(MACHINE), // the worker's look before sending
        ['isolate', [MACHINE, 'Full', COMMENT]],
      ]);
      const sent = await kit.action('act-1');
      assert.equal(sent.state, 'inProgress');
      assert.equal(sent.defenderComment, COMMENT);
      assert.equal(sent.defenderActionId, 'ma-1');
      assert.equal(sent.defenderStatus, 'Pending');
      assert.equal(sent.attempts, 0);
      assert.equal(sent.nextCheckAt, sinceT0(2000), 'first check after the first poll delay');
      assert.deepEqual(await newlyQueued(), [{ kind: 'updateCard', groupId: 'group-1' }]);
      assert.equal(kit.kicks.card, 1);

      kit.clock.advance(1999);
      assert.equal(await kit.worker.runOnce(), 0, 'not checked before it is due');
      kit.clock.advance(1);
      assert.equal(await kit.worker.runOnce(), 1);
      assert.deepEqual(
        kit.mde.callsOf('getMachineAction').map((call) => call.args),
        [['ma-1']],
      );
      const unchanged = await kit.action('act-1');
      assert.equal(unchanged.attempts, 1);
      assert.equal(unchanged.nextCheckAt, sinceT0(2000 + 3000), 'checks grow further apart');
      assert.deepEqual(await newlyQueued(), [], 'no card update when Defender says the same');
      assert.equal(kit.kicks.card, 1);

      kit.mde.setStatus('ma-1', 'InProgress');
      await kit.runDue();
      assert.equal((await kit.action('act-1')).defenderStatus, 'InProgress');
      assert.deepEqual(await newlyQueued(), [{ kind: 'updateCard', groupId: 'group-1' }]);
      assert.equal(kit.kicks.card, 2);

      kit.mde.setStatus('ma-1', 'Succeeded');
      await kit.runDue();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'succeeded');
      assert.equal(done.defenderStatus, 'Succeeded');
      assert.equal(done.finishedAt, new Date(kit.clock.now()).toISOString());
      assert.equal(done.nextCheckAt, undefined);
      assert.equal(done.requestKey, `isolation:${MACHINE}#act-1`);
      assert.deepEqual(await newlyQueued(), [
        { kind: 'updateCard', groupId: 'group-1' },
        {
          kind: 'reply',
          groupId: 'group-1',
          text: '✅ Full isolation of pc-finance-01 succeeded at 09:00 UTC (requested by Ana Responder at 09:00 UTC). Defender action ma-1.',
          plain: true,
        },
        { kind: 'updateCard', groupId: 'group-2' }, // the machine's other alert: Release now
      ]);
      assert.equal(kit.kicks.card, 3);

      kit.clock.advance(24 * 3600_000);
      assert.equal(await kit.worker.runOnce(), 0, 'a final action is never taken again');
      assert.equal(kit.mde.callsOf('isolate').length, 1);
      assert.equal(replies().length, 1);
      assert.deepEqual(await endings(), [
        {
          action: 'alert.isolate',
          actor: 'ana-id',
          target: ALERT,
          outcome: 'succeeded',
          details: { actionId: 'act-1', state: 'succeeded', defenderActionId: 'ma-1' },
        },
      ]);
      assert.equal(verifyChain(await kit.auditEntries(), sha256Hex), undefined);
    });

    const endingsInDefender: [
      MachineActionStatus,
      Partial<MachineAction>,
      string,
      string | undefined,
      RegExp,
    ][] = [
      [
        'Failed',
        {},
        'failed',
        'Defender reported the action as failed on the device',
        /^❌ Full isolation of pc-finance-01 failed at 09:00 UTC: Defender reported the action as failed on the device \(requested by Ana Responder at 09:00 UTC\)\. Defender action ma-1\. Use Retry on the card to ask again\.$/,
      ],
      [
        'TimeOut',
        {},
        'timeOut',
        undefined,
        /^❌ Full isolation of pc-finance-01 timed out in Defender at 09:00 UTC .*Defender action ma-1\. Use Retry on the card to ask again\.$/,
      ],
      [
        'Cancelled',
        { cancellationRequestor: 'carol@contoso.com', cancellationComment: 'wrong machine' },
        'cancelled',
        'by carol@contoso.com: wrong machine',
        /^⛔ Full isolation of pc-finance-01 was cancelled in Defender: by carol@contoso.com: wrong machine \(requested by Ana Responder at 09:00 UTC\)\. Defender action ma-1\.$/,
      ],
    ];
    for (const [status, more, state, note, reply] of endingsInDefender) {
      it(`should end ${state} when Defender ends the action ${status}, reporting it once as failed`, async () => {
        await requestIsolation();
        const done = await kit.endInDefender('act-1', status, more);
        await newlyQueued();
        assert.equal(done.state, state);
        assert.equal(done.outcomeNote, note);
        assert.equal(replies().length, 1);
        assert.match(replies()[0]?.text ?? '', reply);
        assert.deepEqual(await endings(), [
          {
            action: 'alert.isolate',
            actor: 'ana-id',
            target: ALERT,
            outcome: 'failed',
            details: {
              actionId: 'act-1',
              state,
              defenderActionId: 'ma-1',
              ...(note === undefined ? {} : { note }),
            },
          },
        ]);
        assert.equal(kit.mde.callsOf('isolate').length, 1);
      });
    }

    it('should end at once when Defender answers the send with a final status', async () => {
      await requestIsolation();
      kit.mde.script('isolate', async (real) => ({ ...(await real()), status: 'Failed' as const }));
      await kit.worker.runOnce();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'failed');
      assert.equal(done.defenderActionId, 'ma-1');
      assert.deepEqual(kit.mde.callsOf('getMachineAction'), []);
      assert.equal((await endings()).length, 1);
    });

    it('should keep following through checks Defender fails, whatever the error, noting why; the next good read clears the note', async () => {
      await requestIsolation();
      await kit.worker.runOnce();
      await newlyQueued();
      const failures: [unknown, string][] = [
        [throttled(10), 'Defender is limiting how often Vigil may call it; try again in a minute.'],
        [
          defenderError('DEFENDER.NOT_FOUND', 'Defender has no machine action ma-1.'),
          'Defender has no machine action ma-1.',
        ],
        [forbidden(), 'Vigil is not allowed to do that in Defender: the app needs Machine.Isolate.'],
        [alreadyPending(), 'Defender is busy'],
        [new TypeError('fetch failed'), 'fetch failed'],
      ];
      for (const [index, [error, why]] of failures.entries()) {
        kit.mde.script('getMachineAction', async () => {
          throw error;
        });
        await kit.runDue();
        const still = await kit.action('act-1');
        assert.equal(still.state, 'inProgress', why);
        assert.equal(still.attempts, index + 1);
        assert.equal(still.defenderStatus, 'Pending');
        assert.equal(
          still.outcomeNote,
          `Vigil could not read the status from Defender (${why}); it tries again`,
        );
        assert.equal(still.nextCheckAt, new Date(kit.clock.now() + pollDelayMs(index + 1)).toISOString());
        assert.deepEqual(await newlyQueued(), [{ kind: 'updateCard', groupId: 'group-1' }], 'a new reason');
      }
      assert.equal(replies().length, 0);
      assert.deepEqual(await endings(), []);
      await kit.runDue();
      const read = await kit.action('act-1');
      assert.equal(read.state, 'inProgress');
      assert.equal(read.outcomeNote, undefined, 'a good read clears the note');
      assert.equal(read.attempts, failures.length + 1);
      assert.deepEqual(await newlyQueued(), [{ kind: 'updateCard', groupId: 'group-1' }]);

      const done = await kit.endInDefender('act-1', 'Succeeded');
      assert.equal(done.state, 'succeeded');
      assert.equal(done.outcomeNote, undefined);
      assert.equal(kit.mde.callsOf('isolate').length, 1);
      assert.deepEqual(await endings(), [
        {
          action: 'alert.isolate',
          actor: 'ana-id',
          target: ALERT,
          outcome: 'succeeded',
          details: { actionId: 'act-1', state: 'succeeded', defenderActionId: 'ma-1' },
        },
      ]);
    });

    it('should keep a note that is not about a failed read through good reads', async () => {
      kit.mde.addAction({ type: 'Isolate', status: 'Pending', requestor: 'carol@contoso.com' });
      await requestIsolation();
      await kit.worker.runOnce();
      await kit.runDue();
      kit.mde.setStatus('ma-1', 'InProgress');
      await kit.runDue();
      const followed = await kit.action('act-1');
      assert.equal(followed.attempts, 2);
      assert.equal(followed.defenderStatus, 'InProgress');
      assert.equal(
        followed.outcomeNote,
        'Defender already had this request pending by carol@contoso.com; Vigil follows that one',
      );
    });

    it('should stop following after followLimitMs (72 h by default) since the request: timed out, with a note', async () => {
      assert.equal(ACTION_DEFAULTS.followLimitMs, 72 * HOUR);
      assert.equal(TEST_SETTINGS.followLimitMs, 72 * HOUR);
      await requestIsolation();
      await kit.worker.runOnce();
      kit.clock.set(T0 + 72 * HOUR);
      assert.equal(await kit.worker.runOnce(), 1);
      assert.equal((await kit.action('act-1')).state, 'inProgress', 'still followed at the limit');
      assert.equal(kit.mde.callsOf('getMachineAction').length, 1);
      await newlyQueued();

      await kit.runDue();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'timeOut');
      assert.equal(done.defenderStatus, 'Pending');
      assert.equal(kit.mde.callsOf('getMachineAction').length, 2, 'one last look before giving up');
      assert.equal(
        done.outcomeNote,
        'Vigil stopped following Defender action ma-1: no final status after 72 h',
      );
      assert.equal(done.finishedAt, sinceT0(72 * HOUR + pollDelayMs(1)));
      assert.equal(done.nextCheckAt, undefined);
      assert.equal(done.requestKey, `isolation:${MACHINE}#act-1`);
      assert.deepEqual(await newlyQueued(), [
        { kind: 'updateCard', groupId: 'group-1' },
        {
          kind: 'reply',
          groupId: 'group-1',
          text: '❌ Full isolation of pc-finance-01 timed out at 09:00 UTC: Vigil stopped following Defender action ma-1: no final status after 72 h (requested by Ana Responder at 09:00 UTC). Defender action ma-1. Use Retry on the card to ask again.',
          plain: true,
        },
      ]);
      assert.deepEqual(await endings(), [
        {
          action: 'alert.isolate',
          actor: 'ana-id',
          target: ALERT,
          outcome: 'failed',
          details: {
            actionId: 'act-1',
            state: 'timeOut',
            defenderActionId: 'ma-1',
            note: 'Vigil stopped following Defender action ma-1: no final status after 72 h',
          },
        },
      ]);
      kit.clock.advance(HOUR);
      assert.equal(await kit.worker.runOnce(), 0, 'never followed again');
      assert.equal(kit.mde.callsOf('isolate').length, 1);
    });

    it('should stop following at the limit an action whose status it could not read', async () => {
      await kit.store.close();
      kit = await actionKit({ settings: { ...TEST_SETTINGS, followLimitMs: 2 * HOUR } });
      await requestIsolation();
      await kit.worker.runOnce();
      const unreadable = async (): Promise<MachineAction> => {
        throw throttled();
      };
      kit.mde.script('getMachineAction', unreadable, unreadable);
      await kit.runDue();
      assert.match((await kit.action('act-1')).outcomeNote ?? '', /^Vigil could not read the status/);
      kit.clock.set(T0 + 2 * HOUR + 1);
      await kit.worker.runOnce();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'timeOut');
      assert.equal(
        done.outcomeNote,
        'Vigil stopped following Defender action ma-1: no final status after 2 h',
      );
    });

    it('should still end as Defender says when the first check past the limit finds the action ended', async () => {
      await requestIsolation();
      await kit.worker.runOnce();
      kit.clock.set(T0 + 71 * HOUR);
      kit.mde.setStatus('ma-1', 'Succeeded');
      kit.clock.set(T0 + 73 * HOUR); // the worker was down meanwhile
      await kit.worker.runOnce();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'succeeded');
      assert.equal(done.defenderStatus, 'Succeeded');
      assert.equal(done.outcomeNote, undefined);
      assert.deepEqual(
        kit.mde.callsOf('getMachineAction').map((call) => call.args),
        [['ma-1']],
      );
    });

    it('should send a scan without looking at isolation first', async () => {
      await kit.ask(ANA, 'scan', ALERT, { scanType: 'Full' });
      await kit.worker.runOnce();
      assert.deepEqual(
        kit.mde.calls.map((call) => [call.method, call.args]),
        [
          [
            'runAntivirusScan',
            [MACHINE, 'Full', 'Antivirus scan (full) from Teams by Ana Responder (alert da-1)'],
          ],
        ],
      );
      assert.equal((await kit.action('act-1')).state, 'inProgress');
    });

    it('should release an isolated machine with unisolate', async () => {
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', createdAt: sinceT0(-3600_000) });
      await kit.ask(ANA, 'unisolate', ALERT, { reason: 'clean' });
      await kit.worker.runOnce();
      assert.deepEqual(
        kit.mde.callsOf('unisolate').map((call) => call.args),
        [[MACHINE, 'Isolation lifted from Teams by Ana Responder (alert da-1): clean']],
      );
      assert.equal((await kit.action('act-1')).defenderActionId, 'ma-2');
    });

    it('should fail at once, with the friendly message, when Defender refuses the isolation for good', async () => {
      await requestIsolation();
      kit.mde.script('isolate', async () => {
        throw forbidden();
      });
      await kit.worker.runOnce();
      await newlyQueued();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'failed');
      assert.equal(
        done.outcomeNote,
        'Vigil is not allowed to do that in Defender: the app needs Machine.Isolate.',
      );
      assert.equal(kit.mde.callsOf('isolate').length, 1);
      assert.match(replies()[0]?.text ?? '', /failed at 09:00 UTC: Vigil is not allowed .*Use Retry/);
      assert.deepEqual((await endings())[0]?.details, {
        actionId: 'act-1',
        state: 'failed',
        note: 'Vigil is not allowed to do that in Defender: the app needs Machine.Isolate.',
      });
      kit.clock.advance(3600_000);
      assert.equal(await kit.worker.runOnce(), 0);
    });
  });

  describe('what Defender already has', () => {
    it('should adopt the open action when Defender answers ActiveRequestAlreadyExists (no second send)', async () => {
      await requestIsolation();
      let portal: MachineAction | undefined;
      kit.mde.script('isolate', async () => {
        // Someone isolated the machine in the portal between Vigil's look and its send.
        portal = kit.mde.addAction({ type: 'Isolate', status: 'InProgress', requestor: 'carol@contoso.com' });
        throw alreadyPending();
      });
      await kit.worker.runOnce();
      const adopted = await kit.action('act-1');
      assert.equal(adopted.state, 'inProgress');
      assert.equal(adopted.defenderActionId, portal?.id);
      assert.equal(adopted.defenderStatus, 'InProgress');
      assert.equal(
        adopted.outcomeNote,
        'Defender already had a request pending by carol@contoso.com; Vigil follows that one',
      );
      const done = await kit.endInDefender('act-1', 'Succeeded');
      assert.equal(done.state, 'succeeded');
      assert.equal(kit.mde.callsOf('isolate').length, 1);
      assert.equal(kit.mde.machineActions.length, 1);
      assert.equal((await endings()).length, 1);
    });

    it('should follow an isolation already pending in Defender without sending one', async () => {
      const pending = kit.mde.addAction({
        type: 'Isolate',
        status: 'Pending',
        requestor: 'carol@contoso.com',
      });
      await requestIsolation();
      await kit.worker.runOnce();
      const adopted = await kit.action('act-1');
      assert.equal(adopted.defenderActionId, pending.id);
      assert.equal(
        adopted.outcomeNote,
        'Defender already had this request pending by carol@contoso.com; Vigil follows that one',
      );
      assert.deepEqual(kit.mde.creatingCalls(), []);
    });

    it('should not take a pending release for its isolation: it waits for it and then sends its own', async () => {
      const release = kit.mde.addAction({
        type: 'Unisolate',
        status: 'InProgress',
        requestor: 'carol@contoso.com',
      });
      await requestIsolation();
      kit.mde.script('isolate', async () => {
        throw alreadyPending(); // MDE refuses an isolation while a release is pending
      });
      await kit.worker.runOnce();
      const waiting = await kit.action('act-1');
      assert.equal(waiting.state, 'queued');
      assert.equal(waiting.defenderActionId, undefined, 'the release is not this isolation');
      assert.equal(waiting.outcomeNote, 'Defender says a request is already pending on the machine');
      assert.equal(waiting.nextCheckAt, sinceT0(5000));

      kit.mde.setStatus(release.id, 'Succeeded');
      await kit.runDue();
      const sent = await kit.action('act-1');
      assert.equal(sent.state, 'inProgress');
      assert.notEqual(sent.defenderActionId, release.id);
      assert.equal(kit.mde.machineActions.find((a) => a.id === sent.defenderActionId)?.type, 'Isolate');
      assert.equal(kit.mde.callsOf('isolate').length, 2);
    });

    it('should try again later when Defender says pending but shows no open action', async () => {
      await requestIsolation();
      kit.mde.script('isolate', async () => {
        throw alreadyPending();
      });
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).state, 'queued');
      await kit.runDue();
      const sent = await kit.action('act-1');
      assert.equal(sent.state, 'inProgress');
      assert.equal(sent.defenderActionId, 'ma-1');
      assert.equal(kit.mde.callsOf('isolate').length, 2);
    });

    it('should adopt an open scan when Defender says a scan is already pending', async () => {
      await kit.ask(ANA, 'scan', ALERT, { scanType: 'Quick' });
      kit.mde.script('runAntivirusScan', async () => {
        kit.mde.addAction({ type: 'RunAntiVirusScan', status: 'Pending', scope: 'Full' });
        throw alreadyPending();
      });
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).defenderActionId, 'ma-1');
      assert.deepEqual(kit.mde.callLog(), [
        [
          'runAntivirusScan',
          [MACHINE, 'Quick', 'Antivirus scan (quick) from Teams by Ana Responder (alert da-1)'],
        ],
        ['listMachineActions', [{ machineId: MACHINE, type: 'RunAntiVirusScan', maxActions: 1000 }]],
      ]);
    });

    it('should adopt the newest open scan, in whatever order Defender lists them', async () => {
      await kit.ask(ANA, 'scan', ALERT, { scanType: 'Quick' });
      kit.mde.addAction({ type: 'RunAntiVirusScan', status: 'InProgress', createdAt: sinceT0(-600_000) });
      kit.mde.addAction({ type: 'RunAntiVirusScan', status: 'Succeeded', createdAt: sinceT0(-120_000) });
      kit.mde.addAction({ type: 'RunAntiVirusScan', status: 'Pending', createdAt: sinceT0(-60_000) });
      kit.mde.addAction({ type: 'RunAntiVirusScan', status: 'Failed', createdAt: sinceT0(-1000) });
      kit.mde.script('runAntivirusScan', async () => {
        throw alreadyPending();
      });
      kit.mde.script('listMachineActions', async (real) => (await real()).reverse());
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).defenderActionId, 'ma-3');
    });

    it('should skip an isolation of a machine isolated in Defender since the click, sending nothing', async () => {
      kit.mde.addAction({ type: 'Isolate', status: 'Failed', createdAt: sinceT0(-3600_000) });
      await requestIsolation();
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', requestor: 'carol@contoso.com' });
      kit.mde.addAction({ type: 'Unisolate', status: 'Failed' });
      await kit.worker.runOnce();
      const skipped = await kit.action('act-1');
      assert.equal(skipped.state, 'skipped');
      assert.equal(skipped.outcomeNote, 'the machine is already isolated in Defender');
      assert.deepEqual(kit.mde.callLog(), [...isolationReads(MACHINE), ...isolationReads(MACHINE)]);
      assert.deepEqual(await newlyQueued(), [
        { kind: 'updateCard', groupId: 'group-1' },
        {
          kind: 'reply',
          groupId: 'group-1',
          text: 'ℹ️ Full isolation of pc-finance-01 not sent: the machine is already isolated in Defender (requested by Ana Responder at 09:00 UTC).',
          plain: true,
        },
        { kind: 'updateCard', groupId: 'group-2' }, // the machine's other alert: Release now
      ]);
      assert.deepEqual(await endings(), [
        {
          action: 'alert.isolate',
          actor: 'ana-id',
          target: ALERT,
          outcome: 'succeeded',
          details: {
            actionId: 'act-1',
            state: 'skipped',
            note: 'the machine is already isolated in Defender',
          },
        },
      ]);
      const again = await kit.ask(BEN, 'isolate', ALERT, ISOLATE);
      assert.equal(again.status, 'nothingToDo', 'Defender says it is isolated');
    });

    it('should skip a release of a machine released in Defender since the click', async () => {
      kit.mde.addAction({ type: 'Isolate', status: 'Succeeded', createdAt: sinceT0(-7200_000) });
      await kit.ask(ANA, 'unisolate', ALERT, { reason: 'clean' });
      kit.mde.addAction({ type: 'Unisolate', status: 'Succeeded', requestor: 'carol@contoso.com' });
      await kit.worker.runOnce();
      const skipped = await kit.action('act-1');
      assert.equal(skipped.state, 'skipped');
      assert.equal(skipped.outcomeNote, 'the machine is not isolated in Defender');
      assert.deepEqual(kit.mde.creatingCalls(), []);
    });
  });

  describe('when Defender is throttled or gives no answer', () => {
    it('should retry a throttled send after the backoff (or Retry-After), and fail after maxSendAttempts', async () => {
      await requestIsolation();
      kit.mde.script(
        'isolate',
        async () => {
          throw throttled(30);
        },
        async () => {
          throw throttled();
        },
        async () => {
          throw throttled();
        },
      );
      await kit.worker.runOnce();
      const first = await kit.action('act-1');
      assert.equal(first.state, 'queued');
      assert.equal(first.attempts, 1);
      assert.equal(
        first.outcomeNote,
        'Defender is limiting how often Vigil may call it; try again in a minute.',
      );
      assert.equal(
        first.nextCheckAt,
        sinceT0(30_000),
        "Defender's Retry-After is longer than the 5 s backoff",
      );

      kit.clock.advance(29_999);
      assert.equal(await kit.worker.runOnce(), 0);
      assert.equal(kit.mde.callsOf('isolate').length, 1);
      kit.clock.advance(1);
      await kit.worker.runOnce();
      const second = await kit.action('act-1');
      assert.equal(second.attempts, 2);
      assert.equal(second.nextCheckAt, sinceT0(30_000 + 10_000), 'the backoff doubles');

      await kit.runDue();
      await newlyQueued();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'failed');
      assert.equal(
        done.outcomeNote,
        'Defender did not take it after 3 tries (Defender is limiting how often Vigil may call it; try again in a minute.)',
      );
      assert.equal(kit.mde.callsOf('isolate').length, TEST_SETTINGS.maxSendAttempts);
      assert.equal(replies().length, 1);
      assert.equal((await endings()).length, 1);
      kit.clock.advance(3600_000);
      assert.equal(await kit.worker.runOnce(), 0);
    });

    it('should say why a queued or sending action is still waiting, in its line (a second click reads it)', async () => {
      await requestIsolation();
      kit.mde.script(
        'isolate',
        async () => {
          throw throttled();
        },
        async () => {
          throw lostAnswer();
        },
      );
      const line =
        'Full isolation of pc-finance-01 requested by Ana Responder at 09:00 UTC · sending to Defender';
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).state, 'queued');
      assert.equal(
        (await kit.ask(BEN, 'isolate', ALERT, ISOLATE)).message,
        `${line} (Defender is limiting how often Vigil may call it; try again in a minute.). Nothing new was sent: one request per intent.`,
      );
      await kit.runDue();
      assert.equal((await kit.action('act-1')).state, 'sending');
      assert.equal(
        (await kit.ask(BEN, 'isolate', ALERT, ISOLATE)).message,
        `${line} (Defender did not answer in time (POST isolate).). Nothing new was sent: one request per intent.`,
      );
    });

    it('should send it after one throttled try when Defender takes it the next time', async () => {
      await requestIsolation();
      kit.mde.script('isolate', async () => {
        throw throttled();
      });
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).nextCheckAt, sinceT0(5000));
      await kit.runDue();
      const sent = await kit.action('act-1');
      assert.equal(sent.state, 'inProgress');
      assert.equal(sent.attempts, 0);
      assert.equal(kit.mde.callsOf('isolate').length, 2);
      assert.equal(kit.mde.machineActions.length, 1);
    });

    it('should recover a send that may have acted by finding the action with the same comment (no second isolation)', async () => {
      await requestIsolation();
      kit.mde.script('isolate', async (real) => {
        await real(); // Defender created it, but the answer was lost
        throw lostAnswer();
      });
      await kit.worker.runOnce();
      const unsure = await kit.action('act-1');
      assert.equal(unsure.state, 'sending');
      assert.equal(unsure.defenderComment, COMMENT);
      assert.equal(unsure.nextCheckAt, sinceT0(5000));
      assert.deepEqual(
        await newlyQueued(),
        [{ groupId: 'group-1', kind: 'updateCard' }],
        'the card shows why it is still "sending"',
      );

      await kit.runDue();
      assert.deepEqual(kit.mde.calls.at(-1)?.args, [
        { machineId: MACHINE, type: 'Isolate', createdSince: sinceT0(-30_000) },
      ]);
      const found = await kit.action('act-1');
      assert.equal(found.state, 'inProgress');
      assert.equal(found.defenderActionId, 'ma-1');
      const done = await kit.endInDefender('act-1', 'Succeeded');
      assert.equal(done.state, 'succeeded');
      assert.equal(kit.mde.callsOf('isolate').length, 1);
      assert.equal(kit.mde.machineActions.length, 1);
    });

    it('should send again when the send that may have acted created nothing (another comment is not ours)', async () => {
      kit.mde.addAction({
        type: 'Isolate',
        status: 'Failed',
        comment: 'Isolated from the portal',
        createdAt: sinceT0(-60_000),
      });
      await requestIsolation();
      kit.mde.script('isolate', async () => {
        throw lostAnswer();
      });
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).state, 'sending');
      await kit.runDue();
      const sent = await kit.action('act-1');
      assert.equal(sent.state, 'inProgress');
      assert.equal(sent.defenderActionId, 'ma-2');
      assert.equal(kit.mde.callsOf('isolate').length, 2);
      assert.equal(kit.mde.machineActions.filter((a) => a.comment === COMMENT).length, 1);
    });

    it('should give up after maxSendAttempts sends without an answer', async () => {
      await requestIsolation();
      const lost = async (): Promise<MachineAction> => {
        throw lostAnswer();
      };
      kit.mde.script('isolate', lost, lost, lost);
      const done = await kit.runUntilFinal('act-1');
      assert.equal(done.state, 'failed');
      assert.match(
        done.outcomeNote ?? '',
        /^Defender did not take it after 3 tries \(Defender did not answer/,
      );
      assert.equal(kit.mde.callsOf('isolate').length, 3);
      assert.equal((await endings()).length, 1);
    });
  });

  describe('after a crash', () => {
    it('should follow what a crashed worker created, once its lease is over (exactly one Defender action)', async () => {
      await requestIsolation();
      kit.mde.script('isolate', async (real) => {
        await real();
        return new Promise<MachineAction>(() => undefined); // the process died before the answer
      });
      void kit.worker.runOnce();
      await until(() => kit.mde.callsOf('isolate').length === 1);
      const stuck = await kit.action('act-1');
      assert.equal(stuck.state, 'sending');
      assert.equal(stuck.defenderComment, COMMENT);
      assert.equal(stuck.nextCheckAt, sinceT0(LEASE));

      kit.worker = kit.newWorker();
      kit.clock.advance(LEASE - 1);
      assert.equal(await kit.worker.runOnce(), 0, 'the lease still holds');
      kit.clock.advance(1);
      assert.equal(await kit.worker.runOnce(), 1);
      assert.equal((await kit.action('act-1')).defenderActionId, 'ma-1');
      const done = await kit.endInDefender('act-1', 'Succeeded');
      assert.equal(done.state, 'succeeded');
      assert.equal(kit.mde.callsOf('isolate').length, 1);
      assert.equal(kit.mde.machineActions.length, 1);
      assert.equal((await endings()).length, 1);
    });

    it('should send an action marked sending by a worker that died before calling Defender, once', async () => {
      const action = await requestIsolation();
      await kit.store.repos.actions.update({
        ...action,
        state: 'sending',
        attempts: 1,
        defenderComment: defenderComment(action),
        nextCheckAt: sinceT0(LEASE),
      });
      kit.worker = kit.newWorker();
      kit.clock.advance(LEASE);
      await kit.worker.runOnce();
      const done = await kit.endInDefender('act-1', 'Succeeded');
      assert.equal(done.state, 'succeeded');
      assert.deepEqual(
        kit.mde.callsOf('isolate').map((call) => call.args),
        [[MACHINE, 'Full', COMMENT]],
      );
      assert.equal(kit.mde.machineActions.length, 1);
    });

    it('should log a step it could not store and take the action again after its lease, without a second send', async () => {
      await requestIsolation();
      const logger = recordingLogger();
      kit.worker = kit.newWorker({ logger });
      const transaction = sinon.stub(kit.store, 'transaction');
      transaction.onFirstCall().rejects(new Error('disk I/O error'));
      transaction.callThrough();
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).state, 'sending');
      assert.deepEqual(
        logger.lines.map((line) => [line.level, line.message, line.fields.actionId]),
        [['error', 'Could not move a response action; it is tried again after its lease', 'act-1']],
      );
      kit.clock.advance(LEASE);
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).defenderActionId, 'ma-1');
      assert.equal(kit.mde.callsOf('isolate').length, 1);
    });

    it('should take a due action once even when runs overlap or two workers share the store', async () => {
      await requestIsolation();
      const replica = kit.newWorker();
      await Promise.all([kit.worker.runOnce(), kit.worker.runOnce(), replica.runOnce()]);
      assert.equal(kit.mde.callsOf('isolate').length, 1);
    });
  });

  describe('moving several actions in one run', () => {
    /** A Defender answer held back until the test lets it go. */
    function gate(): { readonly wait: Promise<void>; readonly open: () => void } {
      let open: () => void = () => undefined;
      const wait = new Promise<void>((resolve) => {
        open = resolve;
      });
      return { wait, open };
    }

    /** `count` alerts on machines of their own (`machine-m0`…), without cards, each asked a scan. */
    async function askScans(count: number): Promise<void> {
      for (let n = 0; n < count; n += 1) {
        await kit.seedAlert(
          makeAlert({ id: `da-m${n}`, machine: { id: `machine-m${n}`, name: `pc-m${n}` } }),
        );
        assert.equal((await kit.ask(ANA, 'scan', `da-m${n}`, { scanType: 'Quick' })).status, 'accepted');
      }
    }

    it('should send another due action while Defender is slow to answer one (same run)', async () => {
      await requestIsolation();
      await kit.ask(ANA, 'scan', TIER0_ALERT, { scanType: 'Quick' });
      const slow = gate();
      kit.mde.script('isolate', async (real) => {
        await slow.wait;
        return real();
      });
      const run = kit.worker.runOnce();
      await until(() => kit.mde.callsOf('isolate').length === 1);
      await eventually(async () => (await kit.action('act-2')).state === 'inProgress');
      assert.equal(kit.mde.callsOf('runAntivirusScan').length, 1);
      assert.equal((await kit.action('act-1')).state, 'sending', 'the isolation still waits for Defender');
      slow.open();
      assert.equal(await run, 2);
      assert.equal((await kit.action('act-1')).state, 'inProgress');
    });

    it('should move them one at a time with concurrency 1 (the slow answer holds up the rest)', async () => {
      await kit.store.close();
      kit = await actionKit({ settings: { ...TEST_SETTINGS, concurrency: 1 } });
      await requestIsolation();
      await kit.ask(ANA, 'scan', TIER0_ALERT, { scanType: 'Quick' });
      const slow = gate();
      kit.mde.script('isolate', async (real) => {
        await slow.wait;
        return real();
      });
      const run = kit.worker.runOnce();
      await until(() => kit.mde.callsOf('isolate').length === 1);
      await settle();
      assert.equal(kit.mde.callsOf('runAntivirusScan').length, 0);
      slow.open();
      assert.equal(await run, 2);
      assert.equal(kit.mde.callsOf('runAntivirusScan').length, 1);
    });

    it('should take batchSize (8 by default) due actions a run, concurrency (4 by default) at a time', async () => {
      assert.equal(ACTION_DEFAULTS.batchSize, 8);
      assert.equal(ACTION_DEFAULTS.concurrency, 4);
      await kit.store.close();
      kit = await actionKit({
        settings: {
          ...TEST_SETTINGS,
          batchSize: ACTION_DEFAULTS.batchSize,
          concurrency: ACTION_DEFAULTS.concurrency,
        },
      });
      await askScans(10);
      const slow = gate();
      let inFlight = 0;
      let most = 0;
      const held = async (real: () => Promise<MachineAction>): Promise<MachineAction> => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await slow.wait;
        inFlight -= 1;
        return real();
      };
      kit.mde.script('runAntivirusScan', ...Array.from({ length: 10 }, () => held));
      const run = kit.worker.runOnce();
      await until(() => kit.mde.callsOf('runAntivirusScan').length === 4);
      await settle();
      assert.equal(kit.mde.callsOf('runAntivirusScan').length, 4, 'no fifth while four wait');
      slow.open();
      assert.equal(await run, 8);
      assert.equal(most, 4);
      assert.equal(kit.mde.callsOf('runAntivirusScan').length, 8);
      const states = (await kit.store.repos.actions.list({ kinds: ['scan'], limit: 100 })).map(
        (a) => a.state,
      );
      assert.deepEqual(states.sort(), [...Array(8).fill('inProgress'), 'queued', 'queued']);
      assert.equal(await kit.worker.runOnce(), 2);
    });

    it('should take actions waiting to be sent before status checks that are due earlier', async () => {
      await kit.store.close();
      kit = await actionKit({ settings: { ...TEST_SETTINGS, batchSize: 1 } });
      await requestIsolation();
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).nextCheckAt, sinceT0(2000));
      kit.clock.set(T0 + 10_000);
      await kit.ask(ANA, 'scan', TIER0_ALERT, { scanType: 'Quick' });
      const calls = kit.mde.calls.length;
      assert.equal(await kit.worker.runOnce(), 1);
      assert.deepEqual(
        kit.mde.calls.slice(calls).map((call) => call.method),
        ['runAntivirusScan'],
        'the new click first',
      );
      assert.equal(await kit.worker.runOnce(), 1);
      assert.deepEqual(
        kit.mde.calls.slice(calls + 1).map((call) => call.method),
        ['getMachineAction'],
      );
    });
  });

  describe('approvals', () => {
    it('should expire an approval the worker finds due: nothing sent, the thread told, audited once', async () => {
      await kit.ask(ANA, 'isolate', TIER0_ALERT, ISOLATE);
      await newlyQueued();
      kit.clock.set(T0 + TEST_SETTINGS.approvalTtlMs);
      assert.equal(await kit.worker.runOnce(), 1);
      const expiry = await newlyQueued();
      const expired = await kit.action('act-1');
      assert.equal(expired.state, 'expired');
      assert.equal(expired.outcomeNote, 'nobody approved it in time');
      assert.deepEqual(kit.mde.callLog(), isolationReads(TIER0_MACHINE), 'only the click read Defender');
      assert.deepEqual(
        expiry.map((item) => [item.kind, item.groupId]),
        [
          ['updateCard', 'group-tier0'],
          ['reply', 'group-tier0'],
        ],
      );
      assert.match(
        expiry[1]?.text ?? '',
        /^⌛ Full isolation of srv-core-01 expired: nobody approved it in time \(requested by Ana Responder at 09:00 UTC\)\. Use Retry/,
      );
      assert.deepEqual(await endings(), [
        {
          action: 'alert.isolate',
          actor: 'ana-id',
          target: TIER0_ALERT,
          outcome: 'failed',
          details: { actionId: 'act-1', state: 'expired', note: 'nobody approved it in time' },
        },
      ]);
      const late = await kit.requests.approve(BEN, 'act-1');
      assert.equal(late.status, 'tooLate');
      assert.equal(await kit.worker.runOnce(), 0);
    });

    it('should leave an approval alone until it expires, even if taken early', async () => {
      await kit.ask(ANA, 'isolate', TIER0_ALERT, ISOLATE);
      const waiting = await kit.action('act-1');
      await kit.store.repos.actions.update({ ...waiting, nextCheckAt: sinceT0(0) });
      await newlyQueued();
      assert.equal(await kit.worker.runOnce(), 1);
      const still = await kit.action('act-1');
      assert.equal(still.state, 'awaitingApproval');
      assert.equal(still.nextCheckAt, waiting.approval?.expiresAt);
      assert.deepEqual(await newlyQueued(), []);
    });

    it("should send a protected machine's isolation once approved, and follow it to its end", async () => {
      await kit.ask(ANA, 'isolate', TIER0_ALERT, ISOLATE);
      kit.clock.advance(60_000);
      await kit.worker.runOnce();
      assert.deepEqual(kit.mde.callLog(), isolationReads(TIER0_MACHINE), 'nothing is sent while it waits');
      await kit.requests.approve(BEN, 'act-1');
      const done = await kit.endInDefender('act-1', 'Succeeded');
      assert.equal(done.state, 'succeeded');
      assert.deepEqual(
        kit.mde.callsOf('isolate').map((call) => call.args),
        [
          [
            TIER0_MACHINE,
            'Full',
            'Isolated from Teams by Ana Responder, approved by Ben Responder (alert da-tier0): ransomware note found',
          ],
        ],
      );
    });
  });

  describe('alert changes', () => {
    it('should resolve an MDE alert with a PATCH and keep the stored alert in step, evidence kept', async () => {
      const before = (await kit.store.repos.alerts.get(ALERT))?.alert as Alert;
      assert.ok(before.evidence.length > 0);
      await kit.ask(ANA, 'resolve', ALERT, {
        classification: 'truePositive',
        determination: 'Malware',
        comment: 'confirmed by EDR',
      });
      await newlyQueued();
      kit.clock.advance(1000);
      await kit.worker.runOnce();
      await newlyQueued();
      assert.deepEqual(
        kit.mde.calls.map((call) => [call.method, call.args]),
        [
          [
            'updateAlert',
            [
              ALERT,
              {
                status: 'resolved',
                classification: 'truePositive',
                determination: 'Malware',
                comment: 'Resolved from Teams by Ana Responder (alert da-1): confirmed by EDR',
              },
            ],
          ],
        ],
      );
      const done = await kit.action('act-1');
      assert.equal(done.state, 'succeeded');
      assert.equal(done.requestKey, `resolve:${ALERT}#act-1`);
      const stored = await kit.store.repos.alerts.get(ALERT);
      assert.equal(stored?.alert.status, 'resolved');
      assert.equal(stored?.alert.classification, 'truePositive');
      assert.equal(stored?.alert.determination, 'Malware');
      assert.deepEqual(stored?.alert.evidence, before.evidence);
      assert.deepEqual(stored?.alert.machine, before.machine);
      assert.deepEqual(
        stored?.alert.comments.map((comment) => comment.text),
        ['Resolved from Teams by Ana Responder (alert da-1): confirmed by EDR'],
      );
      assert.equal(stored?.groupId, 'group-1');
      assert.deepEqual(
        replies().map((item) => item.text),
        ['✅ Resolution as true positive succeeded at 09:00 UTC (requested by Ana Responder at 09:00 UTC).'],
      );
      assert.deepEqual(await endings(), [
        {
          action: 'alert.resolve',
          actor: 'ana-id',
          target: ALERT,
          outcome: 'succeeded',
          details: { actionId: 'act-1', state: 'succeeded' },
        },
      ]);
      const again = await kit.ask(BEN, 'resolve', ALERT, { classification: 'falsePositive' });
      assert.equal(again.status, 'nothingToDo');
    });

    it('should not resolve an MDE alert again when the lost answer had taken effect: Defender already had it', async () => {
      kit.mde.script('updateAlert', async (real) => {
        await real(); // Defender resolved it, but the answer was lost
        throw lostAnswer();
      });
      await kit.ask(ANA, 'resolve', ALERT, { classification: 'truePositive', comment: 'confirmed' });
      await newlyQueued();
      await kit.worker.runOnce();
      const unsure = await kit.action('act-1');
      assert.equal(unsure.state, 'sending');
      assert.equal(unsure.nextCheckAt, sinceT0(5000));
      await kit.runDue();
      await newlyQueued();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'succeeded');
      assert.equal(done.outcomeNote, 'Defender already had it');
      assert.equal(done.finishedAt, sinceT0(5000));
      assert.deepEqual(kit.mde.callLog(), [
        [
          'updateAlert',
          [
            ALERT,
            {
              status: 'resolved',
              classification: 'truePositive',
              comment: 'Resolved from Teams by Ana Responder (alert da-1): confirmed',
            },
          ],
        ],
        ['getAlert', [ALERT]],
      ]);
      assert.equal(kit.mde.alerts.get(ALERT)?.comments.length, 1, 'one comment in Defender');
      assert.deepEqual(
        replies().map((item) => [item.text, item.plain]),
        [
          [
            '✅ Resolution as true positive succeeded at 09:00 UTC (requested by Ana Responder at 09:00 UTC).',
            true,
          ],
        ],
      );
      assert.deepEqual(await endings(), [
        {
          action: 'alert.resolve',
          actor: 'ana-id',
          target: ALERT,
          outcome: 'succeeded',
          details: { actionId: 'act-1', state: 'succeeded', note: 'Defender already had it' },
        },
      ]);
    });

    it('should resolve an MDE alert again when the lost answer had not taken effect', async () => {
      kit.mde.script('updateAlert', async () => {
        throw lostAnswer();
      });
      await kit.ask(ANA, 'resolve', ALERT, { classification: 'truePositive' });
      const done = await kit.runUntilFinal('act-1');
      assert.equal(done.state, 'succeeded');
      assert.notEqual(done.outcomeNote, 'Defender already had it');
      assert.deepEqual(
        kit.mde.callLog().map(([method]) => method),
        ['updateAlert', 'getAlert', 'updateAlert'],
      );
      assert.equal(kit.mde.alerts.get(ALERT)?.status, 'resolved');
    });

    it('should not assign an MDE alert again when Defender shows it assigned as asked (any case)', async () => {
      kit.mde.script('updateAlert', async (real) => {
        const reply = await real();
        // Defender keeps the sign-in name in its own case.
        kit.mde.alerts.set(ALERT, { ...reply, assignedTo: 'Ben@Contoso.com' });
        throw lostAnswer();
      });
      await kit.ask(ANA, 'assign', ALERT, { assignee: 'ben@contoso.com' });
      const done = await kit.runUntilFinal('act-1');
      assert.equal(done.state, 'succeeded');
      assert.equal(done.outcomeNote, 'Defender already had it');
      assert.deepEqual(
        kit.mde.callLog().map(([method, args]) => [method, args[0]]),
        [
          ['updateAlert', ALERT],
          ['getAlert', ALERT],
        ],
      );
    });

    it('should assign an MDE alert again when Defender shows it assigned to someone else', async () => {
      kit.mde.script('updateAlert', async () => {
        kit.mde.alerts.set(ALERT, {
          ...(kit.mde.alerts.get(ALERT) as Alert),
          assignedTo: 'carol@contoso.com',
        });
        throw lostAnswer();
      });
      await kit.ask(ANA, 'assign', ALERT, { assignee: 'ben@contoso.com' });
      const done = await kit.runUntilFinal('act-1');
      assert.equal(done.state, 'succeeded');
      assert.notEqual(done.outcomeNote, 'Defender already had it');
      assert.deepEqual(
        kit.mde.callLog().map(([method]) => method),
        ['updateAlert', 'getAlert', 'updateAlert'],
      );
      assert.equal(kit.mde.alerts.get(ALERT)?.assignedTo, 'ben@contoso.com');
    });

    it('should send an alert change again when Defender cannot be read to check it', async () => {
      kit.mde.script('updateAlert', async (real) => {
        await real();
        throw lostAnswer();
      });
      kit.mde.script('getAlert', async () => {
        throw throttled();
      });
      await kit.ask(ANA, 'resolve', ALERT, { classification: 'truePositive' });
      const done = await kit.runUntilFinal('act-1');
      assert.equal(done.state, 'succeeded');
      assert.notEqual(done.outcomeNote, 'Defender already had it');
      assert.deepEqual(
        kit.mde.callLog().map(([method]) => method),
        ['updateAlert', 'getAlert', 'updateAlert'],
      );
    });

    it('should recover an alert change left in sending by a crash: Defender has it, so nothing is sent', async () => {
      await kit.ask(ANA, 'resolve', ALERT, { classification: 'falsePositive' });
      const action = await kit.action('act-1');
      await kit.store.repos.actions.update({
        ...action,
        state: 'sending',
        attempts: 1,
        defenderComment: defenderComment(action),
        nextCheckAt: sinceT0(LEASE),
      });
      kit.mde.alerts.set(ALERT, { ...(kit.mde.alerts.get(ALERT) as Alert), status: 'resolved' });
      kit.worker = kit.newWorker();
      kit.clock.advance(LEASE);
      await kit.worker.runOnce();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'succeeded');
      assert.equal(done.outcomeNote, 'Defender already had it');
      assert.deepEqual(kit.mde.callLog(), [['getAlert', [ALERT]]]);
    });

    it('should not close a Cloud Apps alert again when the lost answer had taken effect', async () => {
      kit.mcas.loseNextAnswer(lostAnswer());
      await kit.ask(ANA, 'resolve', MCAS_ALERT, { classification: 'truePositive', comment: 'seen' });
      await kit.worker.runOnce();
      assert.equal((await kit.action('act-1')).state, 'sending');
      await kit.runDue();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'succeeded');
      assert.equal(done.outcomeNote, 'Defender already had it');
      assert.deepEqual(kit.mcas.calls, [
        {
          method: 'closeTruePositive',
          alertId: MCAS_ALERT,
          request: 'Resolved from Teams by Ana Responder (alert mcas-1): seen',
        },
        { method: 'getAlert', alertId: MCAS_ALERT },
      ]);
      assert.deepEqual(kit.mde.calls, []);
    });

    it('should close a Cloud Apps alert again when the lost answer had not taken effect, or it cannot be read', async () => {
      kit.mcas.failNext(lostAnswer(), lostAnswer());
      kit.mcas.failNextRead(throttled());
      await kit.ask(ANA, 'resolve', MCAS_ALERT, { classification: 'truePositive' });
      const done = await kit.runUntilFinal('act-1');
      assert.equal(done.state, 'succeeded');
      assert.notEqual(done.outcomeNote, 'Defender already had it');
      assert.deepEqual(
        kit.mcas.calls.map((call) => call.method),
        ['closeTruePositive', 'getAlert', 'closeTruePositive', 'getAlert', 'closeTruePositive'],
      );
      assert.equal(kit.mcas.alerts.get(MCAS_ALERT)?.status, 'resolved');
    });

    it("should keep the stored machine when Defender's reply names none", async () => {
      kit.mde.script('updateAlert', async (real) => {
        const { machine: _machine, ...reply } = await real();
        return reply;
      });
      await kit.ask(ANA, 'assign', ALERT, { assignee: 'ben@contoso.com' });
      await kit.worker.runOnce();
      assert.deepEqual(
        kit.mde.callsOf('updateAlert').map((call) => call.args),
        [
          [
            ALERT,
            {
              assignedTo: 'ben@contoso.com',
              comment: 'Assigned to ben@contoso.com from Teams by Ana Responder (alert da-1)',
            },
          ],
        ],
      );
      const stored = (await kit.store.repos.alerts.get(ALERT))?.alert;
      assert.equal(stored?.assignedTo, 'ben@contoso.com');
      assert.deepEqual(stored?.machine, { id: MACHINE, name: 'pc-finance-01.contoso.com' });
      assert.equal((await kit.action('act-1')).state, 'succeeded');
    });

    it('should fail a resolution Defender refuses, leaving the stored alert as it was', async () => {
      const before = await kit.store.repos.alerts.get(ALERT);
      kit.mde.script('updateAlert', async () => {
        throw forbidden();
      });
      await kit.ask(ANA, 'resolve', ALERT, { classification: 'falsePositive' });
      await kit.worker.runOnce();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'failed');
      assert.match(done.outcomeNote ?? '', /^Vigil is not allowed/);
      assert.deepEqual(await kit.store.repos.alerts.get(ALERT), before);
    });

    const closes: [AlertClassification, string, unknown][] = [
      ['truePositive', 'closeTruePositive', 'Resolved from Teams by Ana Responder (alert mcas-1): seen'],
      [
        'falsePositive',
        'closeFalsePositive',
        {
          comment: 'Resolved from Teams by Ana Responder (alert mcas-1): seen',
          reasonId: MCAS_FALSE_POSITIVE_REASONS.other,
        },
      ],
      [
        'informationalExpectedActivity',
        'closeBenign',
        {
          comment: 'Resolved from Teams by Ana Responder (alert mcas-1): seen',
          reasonId: MCAS_BENIGN_REASONS.other,
        },
      ],
    ];
    for (const [classification, method, request] of closes) {
      it(`should close a Cloud Apps alert resolved as ${classification} with ${method}`, async () => {
        const before = (await kit.store.repos.alerts.get(MCAS_ALERT))?.alert as Alert;
        await kit.ask(ANA, 'resolve', MCAS_ALERT, { classification, comment: 'seen' });
        kit.clock.advance(1000);
        await kit.worker.runOnce();
        assert.deepEqual(kit.mcas.calls, [{ method, alertId: MCAS_ALERT, request }]);
        assert.deepEqual(kit.mde.calls, []);
        assert.equal((await kit.action('act-1')).state, 'succeeded');
        const stored = (await kit.store.repos.alerts.get(MCAS_ALERT))?.alert;
        assert.deepEqual(stored, {
          ...before,
          status: 'resolved',
          classification,
          updatedAt: sinceT0(1000),
        });
      });
    }

    it('should retry a throttled close of a Cloud Apps alert', async () => {
      kit.mcas.failNext(throttled(20));
      await kit.ask(ANA, 'resolve', MCAS_ALERT, { classification: 'truePositive' });
      await kit.worker.runOnce();
      const waiting = await kit.action('act-1');
      assert.equal(waiting.state, 'queued');
      assert.equal(waiting.nextCheckAt, sinceT0(20_000));
      await kit.runDue();
      assert.equal((await kit.action('act-1')).state, 'succeeded');
      assert.equal(kit.mcas.calls.length, 2);
    });

    it('should fail the resolution of a Cloud Apps alert when Cloud Apps is not configured', async () => {
      await kit.store.close();
      kit = await actionKit({ withMcas: false });
      await kit.ask(ANA, 'resolve', MCAS_ALERT, { classification: 'truePositive' });
      await kit.worker.runOnce();
      const done = await kit.action('act-1');
      assert.equal(done.state, 'failed');
      assert.equal(done.outcomeNote, 'Defender for Cloud Apps is not configured in Vigil');
      assert.deepEqual(kit.mcas.calls, []);
      assert.equal((await kit.store.repos.alerts.get(MCAS_ALERT))?.alert.status, 'new');
    });
  });
});
