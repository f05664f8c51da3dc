import assert from 'node:assert/strict';
import { QUOTE_MAX, quoteTyped } from '../../../src/domain/commands/quote-typed';

describe('quoteTyped', () => {
  it('should wrap text in a code span', () => {
    assert.equal(quoteTyped('ws_1!'), '`ws_1!`');
  });

  it('should cut long text at the limit, with an ellipsis', () => {
    assert.equal(QUOTE_MAX, 40);
    assert.equal(quoteTyped('x'.repeat(41)), `\`${'x'.repeat(40)}…\``);
    assert.equal(quoteTyped('x'.repeat(40)), `\`${'x'.repeat(40)}\``);
    assert.equal(quoteTyped('abcdef', 3), '`abc…`');
  });

  it('should not split a character made of two code units', () => {
    assert.equal(quoteTyped('😀😀😀', 2), '`😀😀…`');
  });

  it('should keep the span on one line and unbroken by backticks', () => {
    assert.equal(quoteTyped('a\n\tb`c'), "`a b'c`");
  });
});
