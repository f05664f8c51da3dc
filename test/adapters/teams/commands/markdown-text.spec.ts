import assert from 'node:assert/strict';
import { codeSpan, escapeMarkdown } from '../../../../src/adapters/teams/commands/markdown-text';

describe('escapeMarkdown', () => {
  it('should put a backslash before every character that could start markup or a link', () => {
    assert.equal(
      escapeMarkdown('[x](https://evil.example) *b* _i_ `c` <at>y</at>'),
      '\\[x\\]\\(https://evil.example\\) \\*b\\* \\_i\\_ \\`c\\` \\<at\\>y\\</at\\>',
    );
  });

  it('should escape a backslash too, so a typed one cannot undo an escape', () => {
    assert.equal(escapeMarkdown('a\\[b'), 'a\\\\\\[b');
  });

  it('should keep outside text on its line', () => {
    assert.equal(escapeMarkdown('one\n\n- two   three'), 'one - two three');
  });

  it('should leave plain text alone', () => {
    assert.equal(escapeMarkdown('ws-042.contoso.com: 3 h ago · ok!'), 'ws-042.contoso.com: 3 h ago · ok!');
  });
});

describe('codeSpan', () => {
  it('should quote an id in backticks that the id cannot close', () => {
    assert.equal(codeSpan('da1'), '`da1`');
    assert.equal(codeSpan('da`](x)'), "`da'](x)`");
  });
});
