import assert from 'node:assert/strict';
import { canonicalTime } from '../../../src/adapters/store/canonical-time';

describe('canonicalTime', () => {
  it('should write every instant in one form that sorts as text', () => {
    assert.equal(canonicalTime('2026-01-01T10:00:00Z', 'at'), '2026-01-01T10:00:00.000Z');
    assert.equal(canonicalTime('2026-01-01T10:00:00.1234567Z', 'at'), '2026-01-01T10:00:00.123Z');
    assert.equal(canonicalTime('2026-01-01T12:00:00+02:00', 'at'), '2026-01-01T10:00:00.000Z');
    assert.ok(canonicalTime('2026-01-01T10:00:00Z', 'a') < canonicalTime('2026-01-01T10:00:00.5Z', 'b'));
  });

  it('should refuse what is not a time, naming the field', () => {
    assert.throws(() => canonicalTime('soon', 'notBefore'), {
      code: 'STORE.INVALID_TIME',
      details: { field: 'notBefore' },
    });
  });
});
