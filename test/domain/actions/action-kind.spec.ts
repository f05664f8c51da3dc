import assert from 'node:assert/strict';
import {
  ACTION_KINDS,
  ACTION_NOUNS,
  isActionKind,
  isMachineActionKind,
} from '../../../src/domain/actions/action-kind';

describe('action kinds', () => {
  it('should list the five kinds Vigil can ask for', () => {
    assert.deepEqual(ACTION_KINDS, ['isolate', 'unisolate', 'scan', 'resolve', 'assign']);
  });

  describe('isActionKind', () => {
    it('should take every listed kind', () => {
      for (const kind of ACTION_KINDS) assert.equal(isActionKind(kind), true, kind);
    });

    it('should refuse other words, other cases and padded words', () => {
      for (const value of ['Isolate', 'ISOLATE', ' isolate', 'isolate ', 'release', 'collect', '']) {
        assert.equal(isActionKind(value), false, JSON.stringify(value));
      }
    });

    it('should refuse values that are not strings', () => {
      for (const value of [undefined, null, 0, 1, true, {}, ['isolate'], { kind: 'isolate' }]) {
        assert.equal(isActionKind(value), false, String(value));
      }
    });

    it('should not take names inherited from Array.prototype', () => {
      assert.equal(isActionKind('length'), false);
      assert.equal(isActionKind('includes'), false);
    });
  });

  describe('isMachineActionKind', () => {
    it('should be true for isolate, unisolate and scan only', () => {
      const machine = ACTION_KINDS.filter((kind) => isMachineActionKind(kind));
      assert.deepEqual(machine, ['isolate', 'unisolate', 'scan']);
    });

    it('should be false for the alert kinds', () => {
      assert.equal(isMachineActionKind('resolve'), false);
      assert.equal(isMachineActionKind('assign'), false);
    });
  });

  describe('ACTION_NOUNS', () => {
    it('should name every kind for sentences', () => {
      assert.deepEqual(ACTION_NOUNS, {
        isolate: 'Isolation',
        unisolate: 'Release from isolation',
        scan: 'Antivirus scan',
        resolve: 'Resolution',
        assign: 'Assignment',
      });
    });

    it('should have a non-empty, capitalised noun for each listed kind', () => {
      assert.deepEqual(Object.keys(ACTION_NOUNS).sort(), [...ACTION_KINDS].sort());
      for (const kind of ACTION_KINDS) {
        const noun = ACTION_NOUNS[kind];
        assert.match(noun, /^[A-Z]/, kind);
      }
    });
  });
});
