import assert from 'node:assert/strict';
import { isFinalState } from '../../../src/domain/actions/action-state';
import { type FinalActionState, finalStateOf, finishAction } from '../../../src/domain/actions/finish-action';
import { releasedKey } from '../../../src/domain/actions/intent-key';
import {
  MACHINE_ACTION_STATUSES,
  type MachineActionStatus,
} from '../../../src/domain/machines/machine-action';
import { MACHINE_ID, makeAction } from './make-action';

const NOW = '2021-01-26T20:42:30Z';
const LATER = '2021-01-26T20:50:00Z';
const KEY = `isolation:${MACHINE_ID}`;
const FINAL_STATES: readonly FinalActionState[] = [
  'succeeded',
  'failed',
  'timeOut',
  'cancelled',
  'rejected',
  'expired',
  'skipped',
];

describe('finishing actions', () => {
  describe('finishAction', () => {
    it('should put the action in the given final state at the given time', () => {
      const done = finishAction(makeAction(), 'succeeded', NOW);
      assert.equal(done.state, 'succeeded');
      assert.equal(done.finishedAt, NOW);
      assert.equal(done.updatedAt, NOW);
    });

    for (const state of FINAL_STATES) {
      it(`should finish in ${state}, a final state`, () => {
        const done = finishAction(makeAction(), state, NOW);
        assert.equal(done.state, state);
        assert.equal(isFinalState(done.state), true);
      });
    }

    it('should release the intent key with its own id', () => {
      const done = finishAction(makeAction({ id: 'act-42', requestKey: KEY }), 'failed', NOW);
      assert.equal(done.requestKey, `${KEY}#act-42`);
      assert.equal(done.requestKey, releasedKey(KEY, 'act-42'));
    });

    it('should release the key only once when finished again', () => {
      const once = finishAction(makeAction({ id: 'act-42', requestKey: KEY }), 'failed', NOW);
      const twice = finishAction(once, 'failed', LATER);
      assert.equal(twice.requestKey, `${KEY}#act-42`);
      assert.equal(twice.requestKey.split('#').length, 2);
    });

    it('should leave a key that is already released as it is', () => {
      const released = releasedKey(KEY, 'act-1');
      const done = finishAction(makeAction({ id: 'act-1', requestKey: released }), 'expired', NOW);
      assert.equal(done.requestKey, released);
    });

    it('should drop the next check entirely', () => {
      const open = makeAction({ nextCheckAt: '2021-01-26T20:43:00Z' });
      const done = finishAction(open, 'succeeded', NOW);
      assert.equal('nextCheckAt' in done, false);
      assert.equal(done.nextCheckAt, undefined);
    });

    it('should keep an earlier note when no note is given', () => {
      const done = finishAction(makeAction({ outcomeNote: 'Defender said: machine offline' }), 'failed', NOW);
      assert.equal(done.outcomeNote, 'Defender said: machine offline');
    });

    it('should replace an earlier note with the given one', () => {
      const done = finishAction(
        makeAction({ outcomeNote: 'old note' }),
        'rejected',
        NOW,
        'rejected by Alex Wilber',
      );
      assert.equal(done.outcomeNote, 'rejected by Alex Wilber');
    });

    it('should set a note on an action that had none', () => {
      const done = finishAction(makeAction(), 'skipped', NOW, 'ws-042 is already isolated');
      assert.equal(done.outcomeNote, 'ws-042 is already isolated');
    });

    it('should hold no note field at all when there is no note', () => {
      const done = finishAction(makeAction(), 'succeeded', NOW);
      assert.equal('outcomeNote' in done, false);
    });

    it('should keep every other field as it was', () => {
      const open = makeAction({
        state: 'awaitingApproval',
        approval: { reason: 'protected', expiresAt: '2021-01-26T21:41:07Z' },
        attempts: 3,
        finishedAt: undefined,
      });
      const done = finishAction(open, 'expired', NOW);
      const { requestKey: _k, state: _s, updatedAt: _u, nextCheckAt: _n, finishedAt: _f, ...before } = open;
      const { requestKey: _k2, state: _s2, updatedAt: _u2, finishedAt: _f2, ...after } = done;
      assert.deepEqual(after, before);
      assert.equal(done.attempts, 3);
      assert.deepEqual(done.approval, open.approval);
      assert.equal(done.defenderActionId, open.defenderActionId);
    });

    it('should move the finish time on when finished again', () => {
      const once = finishAction(makeAction(), 'failed', NOW);
      const twice = finishAction(once, 'failed', LATER, 'retried');
      assert.equal(twice.finishedAt, LATER);
      assert.equal(twice.updatedAt, LATER);
      assert.equal(twice.outcomeNote, 'retried');
    });

    it('should not change the action it was given', () => {
      const open = Object.freeze(makeAction({ outcomeNote: 'old' }));
      const copy = structuredClone(open);
      const done = finishAction(open, 'failed', NOW, 'new');
      assert.deepEqual(open, copy);
      assert.notEqual(done, open);
    });
  });

  describe('finalStateOf', () => {
    const expected: Record<MachineActionStatus, FinalActionState | undefined> = {
      Pending: undefined,
      InProgress: undefined,
      Succeeded: 'succeeded',
      Failed: 'failed',
      TimeOut: 'timeOut',
      Cancelled: 'cancelled',
    };

    for (const status of MACHINE_ACTION_STATUSES) {
      it(`should map ${status} to ${String(expected[status])}`, () => {
        assert.equal(finalStateOf(status), expected[status]);
      });
    }

    it('should give a final state for exactly the statuses after which MDE no longer changes', () => {
      const finals = MACHINE_ACTION_STATUSES.filter((status) => finalStateOf(status) !== undefined);
      assert.deepEqual(finals, ['Succeeded', 'Failed', 'TimeOut', 'Cancelled']);
      for (const status of finals) assert.equal(isFinalState(finalStateOf(status)!), true, status);
    });
  });
});
