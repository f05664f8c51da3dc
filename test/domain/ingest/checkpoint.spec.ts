import assert from 'node:assert/strict';
import {
  advanceCheckpoint,
  EMPTY_CHECKPOINT,
  firstFetchWatermark,
  isUnseen,
} from '../../../src/domain/ingest/checkpoint';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

describe('checkpoint', () => {
  it('should see everything before the first poll', () => {
    assert.equal(isUnseen(EMPTY_CHECKPOINT, { id: 'a', updatedAt: at(1) }), true);
  });

  it('should move the watermark to the newest item and remember the ids at that instant', () => {
    const cp = advanceCheckpoint(EMPTY_CHECKPOINT, [
      { id: 'b', updatedAt: at(5) },
      { id: 'a', updatedAt: at(3) },
      { id: 'c', updatedAt: at(5) },
    ]);
    assert.deepEqual(cp, { watermark: at(5), idsAtWatermark: ['b', 'c'] });
  });

  it('should skip items already seen at the watermark but not a new one at the same instant', () => {
    const cp = { watermark: at(5), idsAtWatermark: ['b', 'c'] };
    assert.equal(isUnseen(cp, { id: 'b', updatedAt: at(5) }), false);
    assert.equal(isUnseen(cp, { id: 'd', updatedAt: at(5) }), true);
    assert.equal(isUnseen(cp, { id: 'a', updatedAt: at(4) }), false);
    assert.equal(isUnseen(cp, { id: 'b', updatedAt: at(6) }), true, 'a later update of a seen alert is new');
  });

  it('should add ids at an unchanged watermark and ignore older items', () => {
    const cp = advanceCheckpoint({ watermark: at(5), idsAtWatermark: ['b'] }, [
      { id: 'd', updatedAt: at(5) },
      { id: 'z', updatedAt: at(1) },
    ]);
    assert.deepEqual(cp, { watermark: at(5), idsAtWatermark: ['b', 'd'] });
  });

  it('should compare instants, not strings, across precisions', () => {
    const cp = { watermark: '2026-01-01T00:00:05.000Z', idsAtWatermark: ['b'] };
    assert.equal(isUnseen(cp, { id: 'b', updatedAt: '2026-01-01T00:00:05Z' }), false);
  });

  it('should start a first poll the window before now', () => {
    assert.equal(firstFetchWatermark(Date.UTC(2026, 0, 2), 86_400_000), '2026-01-01T00:00:00.000Z');
  });
});
