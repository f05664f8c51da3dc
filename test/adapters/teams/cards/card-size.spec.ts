import assert from 'node:assert/strict';
import {
  CARD_BUDGET_BYTES,
  cardSizeBytes,
  isWithinCardBudget,
} from '../../../../src/adapters/teams/cards/card-size';

describe('card size', () => {
  it('should budget 28 KB', () => {
    assert.equal(CARD_BUDGET_BYTES, 28 * 1024);
  });

  it('should measure compact JSON in UTF-16: two bytes per code unit', () => {
    assert.equal(cardSizeBytes({ a: 'b' }), '{"a":"b"}'.length * 2);
    assert.equal(cardSizeBytes({ a: '🔴' }), 10 * 2);
    assert.equal(cardSizeBytes({ a: '\\' }), 10 * 2);
  });

  it('should tell whether a card fits the budget', () => {
    assert.equal(isWithinCardBudget({ text: 'x'.repeat(14_000) }), true);
    assert.equal(isWithinCardBudget({ text: 'x'.repeat(15_000) }), false);
    assert.equal(isWithinCardBudget({ text: 'x'.repeat(100) }, 100), false);
  });
});
