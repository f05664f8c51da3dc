import assert from 'node:assert/strict';
import { DEFENDER_COMMENT_LIMIT, defenderComment } from '../../../src/domain/actions/defender-comment';
import type { ResponseAction } from '../../../src/domain/actions/response-action';
import { makeAction } from './make-action';

type CommentInput = Pick<ResponseAction, 'kind' | 'origin' | 'requestedBy' | 'alertId' | 'params'>;

function comment(overrides: Partial<CommentInput> = {}): string {
  const base: CommentInput = {
    kind: 'isolate',
    origin: 'card',
    requestedBy: { aadObjectId: '11111111-aaaa-4111-8111-111111111111', name: 'Megan Bowen' },
    alertId: 'da123',
    params: { reason: 'ransomware note' },
  };
  return defenderComment({ ...base, ...overrides });
}

/** True when the text holds a lone UTF-16 surrogate (half of a character). */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('defenderComment', () => {
  describe('wording', () => {
    it('should name what, who, from where and for which alert, then the reason', () => {
      assert.equal(comment(), 'Isolated from Teams by Megan Bowen (alert da123): ransomware note');
    });

    it('should take a whole ResponseAction as well', () => {
      assert.equal(
        defenderComment(makeAction({ alertId: 'da123' })),
        'Isolated from Teams by Megan Bowen (alert da123): ransomware note',
      );
    });

    it('should say the same for a typed command as for a card button', () => {
      assert.equal(comment({ origin: 'command' }), comment({ origin: 'card' }));
    });

    it('should leave the colon out when there is no reason', () => {
      assert.equal(comment({ params: {} }), 'Isolated from Teams by Megan Bowen (alert da123)');
    });

    it('should leave the colon out when the reason is only blanks', () => {
      assert.equal(
        comment({ params: { reason: ' \n\t ' } }),
        'Isolated from Teams by Megan Bowen (alert da123)',
      );
    });

    it('should word a release from isolation', () => {
      assert.equal(
        comment({ kind: 'unisolate', params: { reason: 'clean' } }),
        'Isolation lifted from Teams by Megan Bowen (alert da123): clean',
      );
    });

    it('should say the scan type in lower case', () => {
      assert.equal(
        comment({ kind: 'scan', params: { scanType: 'Quick' } }),
        'Antivirus scan (quick) from Teams by Megan Bowen (alert da123)',
      );
      assert.equal(
        comment({ kind: 'scan', params: { scanType: 'Full' } }),
        'Antivirus scan (full) from Teams by Megan Bowen (alert da123)',
      );
    });

    it('should leave the scan type out when there is none, and never put one on another kind', () => {
      assert.equal(
        comment({ kind: 'scan', params: {} }),
        'Antivirus scan from Teams by Megan Bowen (alert da123)',
      );
      assert.equal(
        comment({ kind: 'isolate', params: { scanType: 'Full' } }),
        'Isolated from Teams by Megan Bowen (alert da123)',
      );
    });

    it('should word a resolution with its comment', () => {
      assert.equal(
        comment({ kind: 'resolve', params: { classification: 'truePositive', comment: 'contained' } }),
        'Resolved from Teams by Megan Bowen (alert da123): contained',
      );
    });

    it('should prefer the reason to the comment when both are set', () => {
      assert.equal(
        comment({ kind: 'resolve', params: { reason: 'the reason', comment: 'the comment' } }),
        'Resolved from Teams by Megan Bowen (alert da123): the reason',
      );
    });

    it('should name the assignee of an assignment', () => {
      assert.equal(
        comment({ kind: 'assign', params: { assignee: 'amy@contoso.com' } }),
        'Assigned to amy@contoso.com from Teams by Megan Bowen (alert da123)',
      );
    });

    it('should not name an assignee on another kind', () => {
      assert.equal(
        comment({ kind: 'resolve', params: { assignee: 'amy@contoso.com' } }),
        'Resolved from Teams by Megan Bowen (alert da123)',
      );
    });

    it('should name the rule, quoted, when a rule asked', () => {
      assert.equal(
        comment({ origin: 'rule', requestedBy: { aadObjectId: 'rule:r1', name: 'High sev isolate' } }),
        'Isolated by Vigil rule "High sev isolate" (alert da123): ransomware note',
      );
    });

    it('should say "an analyst" when the requester has no name', () => {
      assert.equal(
        comment({ requestedBy: { aadObjectId: 'x', name: '  ' }, params: {} }),
        'Isolated from Teams by an analyst (alert da123)',
      );
    });
  });

  describe('one line', () => {
    it('should squash newlines and tabs in the reason to single spaces', () => {
      assert.equal(
        comment({ params: { reason: '  ransomware\r\n\r\nnote\tfound  ' } }),
        'Isolated from Teams by Megan Bowen (alert da123): ransomware note found',
      );
    });

    it('should replace control characters (NUL, ESC, DEL) with a space', () => {
      assert.equal(
        comment({ params: { reason: 'a\u0000b\u001b[31mc\u007fd' } }),
        'Isolated from Teams by Megan Bowen (alert da123): a b [31mc d',
      );
    });

    it('should squash Unicode line and paragraph separators too', () => {
      assert.equal(
        comment({ params: { reason: 'one\u2028two\u2029three' } }),
        'Isolated from Teams by Megan Bowen (alert da123): one two three',
      );
    });

    it('should squash the requester name and the assignee', () => {
      const text = comment({
        kind: 'assign',
        requestedBy: { aadObjectId: 'x', name: 'Megan\nBowen' },
        params: { assignee: 'amy@\r\ncontoso.com' },
      });
      assert.equal(text, 'Assigned to amy@ contoso.com from Teams by Megan Bowen (alert da123)');
    });

    it('should never hold a line break or control character', () => {
      const text = comment({
        requestedBy: { aadObjectId: 'x', name: '\u0007Megan\u0000' },
        params: { reason: '\n\n\u0001x\u001f\n' },
      });
      const bad = [...text].filter((char) => {
        const code = char.codePointAt(0) ?? 0;
        return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
      });
      assert.deepEqual(bad, []);
      assert.equal(text, 'Isolated from Teams by Megan (alert da123): x');
    });
  });

  describe('length', () => {
    it('should send a comment of exactly the limit unchanged', () => {
      const head = 'Isolated from Teams by Megan Bowen (alert da123): ';
      const reason = 'r'.repeat(DEFENDER_COMMENT_LIMIT - head.length);
      const text = comment({ params: { reason } });
      assert.equal(text.length, DEFENDER_COMMENT_LIMIT);
      assert.equal(text, head + reason);
      assert.ok(!text.endsWith('…'));
    });

    it('should cut a longer comment to the limit, ending with an ellipsis', () => {
      assert.equal(DEFENDER_COMMENT_LIMIT, 1000);
      const head = 'Isolated from Teams by Megan Bowen (alert da123): ';
      const reason = 'r'.repeat(DEFENDER_COMMENT_LIMIT - head.length + 1);
      const text = comment({ params: { reason } });
      assert.equal(text.length, DEFENDER_COMMENT_LIMIT);
      assert.ok(text.endsWith('r…'));
      assert.ok(text.startsWith(head));
    });

    it('should cut a very long reason and keep who asked', () => {
      const text = comment({ params: { reason: 'x'.repeat(50_000) } });
      assert.equal(text.length, DEFENDER_COMMENT_LIMIT);
      assert.ok(text.startsWith('Isolated from Teams by Megan Bowen (alert da123): xxx'));
      assert.ok(text.endsWith('x…'));
    });

    it('should measure the length after squashing blanks', () => {
      const text = comment({ params: { reason: `a${' '.repeat(5000)}b` } });
      assert.equal(text, 'Isolated from Teams by Megan Bowen (alert da123): a b');
    });

    it('should not cut a character made of two UTF-16 units in half', () => {
      const head = 'Isolated from Teams by Megan Bowen (alert da123): ';
      // Puts the high surrogate of 🔴 at the last position kept before the ellipsis.
      const reason = `${'r'.repeat(DEFENDER_COMMENT_LIMIT - 2 - head.length)}🔴${'r'.repeat(10)}`;
      const text = comment({ params: { reason } });
      assert.ok(text.length <= DEFENDER_COMMENT_LIMIT, `length ${text.length}`);
      assert.ok(text.endsWith('…'));
      assert.equal(hasLoneSurrogate(text), false, 'half a character was left');
      assert.ok(text.startsWith(head));
    });

    it('should keep a whole two-unit character that fits before the ellipsis', () => {
      const head = 'Isolated from Teams by Megan Bowen (alert da123): ';
      const reason = `${'r'.repeat(DEFENDER_COMMENT_LIMIT - 3 - head.length)}🔴${'r'.repeat(10)}`;
      const text = comment({ params: { reason } });
      assert.equal(text.length, DEFENDER_COMMENT_LIMIT);
      assert.ok(text.endsWith('🔴…'));
    });
  });
});
