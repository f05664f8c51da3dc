import assert from 'node:assert/strict';
import {
  ACTION_STATES,
  type ActionState,
  isActionState,
  isFinalState,
  OPEN_ACTION_STATES,
} from '../../../src/domain/actions/action-state';

const FINAL: readonly ActionState[] = [
  'succeeded',
  'failed',
  'timeOut',
  'cancelled',
  'rejected',
  'expired',
  'skipped',
];

describe('action states', () => {
  it('should list the open states first, then the final ones', () => {
    assert.deepEqual(ACTION_STATES, ['awaitingApproval', 'queued', 'sending', 'inProgress', ...FINAL]);
  });

  it('should call exactly awaitingApproval, queued, sending and inProgress open', () => {
    assert.deepEqual([...OPEN_ACTION_STATES], ['awaitingApproval', 'queued', 'sending', 'inProgress']);
  });

  it('should freeze the open states so nobody can widen them at run time', () => {
    assert.ok(Object.isFrozen(OPEN_ACTION_STATES));
    assert.throws(() => {
      (OPEN_ACTION_STATES as ActionState[]).push('succeeded');
    }, TypeError);
    assert.equal(OPEN_ACTION_STATES.length, 4);
  });

  describe('isFinalState', () => {
    for (const state of ['awaitingApproval', 'queued', 'sending', 'inProgress'] as const) {
      it(`should say ${state} is not final`, () => {
        assert.equal(isFinalState(state), false);
      });
    }

    for (const state of FINAL) {
      it(`should say ${state} is final`, () => {
        assert.equal(isFinalState(state), true);
      });
    }

    it('should split every state into exactly one of open or final', () => {
      for (const state of ACTION_STATES) {
        assert.notEqual(isFinalState(state), OPEN_ACTION_STATES.includes(state), state);
      }
    });
  });

  describe('isActionState', () => {
    it('should take every listed state', () => {
      for (const state of ACTION_STATES) assert.equal(isActionState(state), true, state);
    });

    it('should refuse other words and other cases, e.g. MDE statuses', () => {
      for (const value of ['Succeeded', 'InProgress', 'timeout', 'pending', 'done', ' queued', '']) {
        assert.equal(isActionState(value), false, JSON.stringify(value));
      }
    });

    it('should refuse values that are not strings', () => {
      for (const value of [undefined, null, 0, false, {}, ['queued']]) {
        assert.equal(isActionState(value), false, String(value));
      }
    });
  });
});
