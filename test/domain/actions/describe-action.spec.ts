import assert from 'node:assert/strict';
import { ACTION_STATES, type ActionState } from '../../../src/domain/actions/action-state';
import { actionTitle, describeAction } from '../../../src/domain/actions/describe-action';
import type { CardTone } from '../../../src/domain/cards/alert-card-data';
import { MACHINE_ID, makeAction } from './make-action';

const BY = 'requested by Megan Bowen at 20:41 UTC';
const FINISHED = '2021-01-26T20:42:30Z';
const APPROVAL = {
  reason: 'ws-042.contoso.com is protected (tag tier0)',
  expiresAt: '2021-01-26T21:41:07Z',
};

describe('describing actions', () => {
  describe('actionTitle', () => {
    it('should name an isolation with its type and the short machine name', () => {
      assert.equal(actionTitle(makeAction()), 'Full isolation of ws-042');
      assert.equal(
        actionTitle(makeAction({ params: { isolationType: 'Selective' } })),
        'Selective isolation of ws-042',
      );
    });

    it('should call an isolation of no given type full', () => {
      assert.equal(actionTitle(makeAction({ params: {} })), 'Full isolation of ws-042');
    });

    it('should name a release from isolation', () => {
      assert.equal(
        actionTitle(makeAction({ kind: 'unisolate', params: {} })),
        'Release of ws-042 from isolation',
      );
    });

    it('should name a scan with its type, quick by default', () => {
      assert.equal(
        actionTitle(makeAction({ kind: 'scan', params: { scanType: 'Full' } })),
        'Full antivirus scan of ws-042',
      );
      assert.equal(actionTitle(makeAction({ kind: 'scan', params: {} })), 'Quick antivirus scan of ws-042');
    });

    it('should name a resolution with its classification in words', () => {
      assert.equal(actionTitle(makeAction({ kind: 'resolve', params: {} })), 'Resolution');
      assert.equal(
        actionTitle(makeAction({ kind: 'resolve', params: { classification: 'truePositive' } })),
        'Resolution as true positive',
      );
      assert.equal(
        actionTitle(
          makeAction({ kind: 'resolve', params: { classification: 'informationalExpectedActivity' } }),
        ),
        'Resolution as informational, expected activity',
      );
    });

    it('should name an assignment with its assignee', () => {
      assert.equal(
        actionTitle(makeAction({ kind: 'assign', params: { assignee: 'amy@contoso.com' } })),
        'Assignment to amy@contoso.com',
      );
      assert.equal(actionTitle(makeAction({ kind: 'assign', params: {} })), 'Assignment to an analyst');
    });

    it('should use the machine id when the name is unknown, and "the machine" when both are', () => {
      assert.equal(actionTitle(makeAction({ machineName: undefined })), `Full isolation of ${MACHINE_ID}`);
      assert.equal(
        actionTitle(makeAction({ machineName: undefined, machineId: undefined })),
        'Full isolation of the machine',
      );
    });

    it('should keep a host name that has no domain whole', () => {
      assert.equal(actionTitle(makeAction({ machineName: 'dc01' })), 'Full isolation of dc01');
    });
  });

  describe('describeAction', () => {
    it('should ask for approval with the reason and the expiry, in a warning tone', () => {
      const line = describeAction(makeAction({ state: 'awaitingApproval', approval: APPROVAL }));
      assert.deepEqual(line, {
        text:
          "🔐 Full isolation of ws-042 needs a second responder's approval by 21:41 UTC " +
          `(${BY}; ws-042.contoso.com is protected (tag tier0))`,
        tone: 'warning',
      });
    });

    it('should ask for approval without a reason or expiry when there is no approval record', () => {
      const line = describeAction(makeAction({ state: 'awaitingApproval' }));
      assert.equal(line.text, `🔐 Full isolation of ws-042 needs a second responder's approval (${BY})`);
      assert.equal(line.tone, 'warning');
    });

    for (const state of ['queued', 'sending'] as const) {
      it(`should say a ${state} action is being sent to Defender`, () => {
        assert.deepEqual(describeAction(makeAction({ state, defenderStatus: undefined })), {
          text: `⏳ Full isolation of ws-042 ${BY} · sending to Defender`,
          tone: 'default',
        });
      });
    }

    it("should give Defender's status of an action in progress, in words", () => {
      assert.deepEqual(describeAction(makeAction({ state: 'inProgress', defenderStatus: 'Pending' })), {
        text: `⏳ Full isolation of ws-042 ${BY} · Defender: Pending`,
        tone: 'default',
      });
      assert.equal(
        describeAction(makeAction({ state: 'inProgress', defenderStatus: 'InProgress' })).text,
        `⏳ Full isolation of ws-042 ${BY} · Defender: In progress`,
      );
    });

    it('should say Pending while Defender has reported no status yet', () => {
      assert.equal(
        describeAction(makeAction({ state: 'inProgress', defenderStatus: undefined })).text,
        `⏳ Full isolation of ws-042 ${BY} · Defender: Pending`,
      );
    });

    it('should say when it succeeded and who asked, in a good tone', () => {
      assert.deepEqual(describeAction(makeAction({ state: 'succeeded', finishedAt: FINISHED })), {
        text: `✅ Full isolation of ws-042 succeeded at 20:42 UTC (${BY})`,
        tone: 'good',
      });
    });

    it('should leave the time out of a success with no finish time', () => {
      assert.equal(
        describeAction(makeAction({ state: 'succeeded' })).text,
        `✅ Full isolation of ws-042 succeeded (${BY})`,
      );
    });

    it('should say why it failed, in an attention tone', () => {
      assert.deepEqual(
        describeAction(
          makeAction({ state: 'failed', finishedAt: FINISHED, outcomeNote: 'the machine is offline' }),
        ),
        {
          text: `❌ Full isolation of ws-042 failed at 20:42 UTC: the machine is offline (${BY})`,
          tone: 'attention',
        },
      );
      assert.equal(
        describeAction(makeAction({ state: 'failed', finishedAt: FINISHED })).text,
        `❌ Full isolation of ws-042 failed at 20:42 UTC (${BY})`,
      );
    });

    it('should say it timed out in Defender, in an attention tone', () => {
      assert.deepEqual(describeAction(makeAction({ state: 'timeOut', finishedAt: FINISHED })), {
        text: `❌ Full isolation of ws-042 timed out in Defender at 20:42 UTC (${BY})`,
        tone: 'attention',
      });
    });

    it('should say it was cancelled in Defender, with the note, in a warning tone', () => {
      assert.deepEqual(
        describeAction(
          makeAction({ state: 'cancelled', finishedAt: FINISHED, outcomeNote: 'cancelled by amy' }),
        ),
        {
          text: `⛔ Full isolation of ws-042 was cancelled in Defender: cancelled by amy (${BY})`,
          tone: 'warning',
        },
      );
    });

    it('should say it was rejected, with the note, in a warning tone', () => {
      assert.deepEqual(describeAction(makeAction({ state: 'rejected', outcomeNote: 'by Alex Wilber' })), {
        text: `⛔ Full isolation of ws-042 was rejected by Alex Wilber (${BY})`,
        tone: 'warning',
      });
    });

    it('should say nobody approved an expired action in time, in a warning tone', () => {
      assert.deepEqual(describeAction(makeAction({ state: 'expired', approval: APPROVAL })), {
        text: `⌛ Full isolation of ws-042 expired: nobody approved it in time (${BY})`,
        tone: 'warning',
      });
    });

    it('should say a skipped action was not sent, and why', () => {
      assert.deepEqual(
        describeAction(makeAction({ state: 'skipped', outcomeNote: 'ws-042 is already isolated' })),
        {
          text: `ℹ️ Full isolation of ws-042 not sent: ws-042 is already isolated (${BY})`,
          tone: 'default',
        },
      );
    });

    it('should give each state its tone', () => {
      const tones: Record<ActionState, CardTone> = {
        awaitingApproval: 'warning',
        queued: 'default',
        sending: 'default',
        inProgress: 'default',
        succeeded: 'good',
        failed: 'attention',
        timeOut: 'attention',
        cancelled: 'warning',
        rejected: 'warning',
        expired: 'warning',
        skipped: 'default',
      };
      for (const state of ACTION_STATES) {
        assert.equal(describeAction(makeAction({ state })).tone, tones[state], state);
      }
    });

    it('should name the action, who asked and when in every state, with a distinct text', () => {
      const texts = new Set<string>();
      for (const state of ACTION_STATES) {
        const { text } = describeAction(makeAction({ state, finishedAt: FINISHED }));
        assert.ok(text.includes('Full isolation of ws-042'), `${state}: ${text}`);
        assert.ok(text.includes(BY), `${state}: ${text}`);
        texts.add(text.replace(/^\S+ /, ''));
      }
      // queued and sending read the same; every other state reads differently.
      assert.equal(texts.size, ACTION_STATES.length - 1);
    });

    it('should name the rule that asked', () => {
      const rule = makeAction({
        origin: 'rule',
        requestedBy: { aadObjectId: 'rule:r1', name: 'High sev isolate' },
        state: 'queued',
      });
      assert.equal(
        describeAction(rule).text,
        '⏳ Full isolation of ws-042 requested by rule High sev isolate at 20:41 UTC · sending to Defender',
      );
    });

    it('should say "someone" when the requester has no name', () => {
      const action = makeAction({ requestedBy: { aadObjectId: 'x', name: '' }, state: 'queued' });
      assert.ok(describeAction(action).text.includes('requested by someone at 20:41 UTC'));
    });

    it('should write times as HH:MM in UTC whatever the offset they were stored with', () => {
      const action = makeAction({
        state: 'succeeded',
        requestedAt: '2021-01-26T22:05:59+02:00',
        finishedAt: '2021-01-26T15:07:00-05:00',
      });
      assert.equal(
        describeAction(action).text,
        '✅ Full isolation of ws-042 succeeded at 20:07 UTC (requested by Megan Bowen at 20:05 UTC)',
      );
    });

    it('should describe an alert action by its title, without a machine', () => {
      const action = makeAction({
        kind: 'resolve',
        machineId: undefined,
        machineName: undefined,
        params: { classification: 'falsePositive', comment: 'test machine' },
        state: 'succeeded',
        finishedAt: FINISHED,
      });
      assert.equal(
        describeAction(action).text,
        `✅ Resolution as false positive succeeded at 20:42 UTC (${BY})`,
      );
    });
  });
});
