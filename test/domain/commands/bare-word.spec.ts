import assert from 'node:assert/strict';
import { bareWord } from '../../../src/domain/commands/bare-word';
import { tokenizeCommand } from '../../../src/domain/commands/tokenize-command';

describe('bareWord', () => {
  it('should give a bare word in lower case', () => {
    assert.equal(bareWord(tokenizeCommand('FULL').tokens[0]), 'full');
  });

  it('should give nothing for a quoted string, a mention or no token', () => {
    const [quoted, mention] = tokenizeCommand('"full" <at>full</at>').tokens;
    assert.equal(bareWord(quoted), undefined);
    assert.equal(bareWord(mention), undefined);
    assert.equal(bareWord(undefined), undefined);
  });
});
