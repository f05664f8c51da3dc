import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  cardText,
  cleanCardText,
  clipText,
  joinWithinBudget,
  jsonCost,
} from '../../../src/domain/cards/card-text';

/** The cost the JSON serializer really gives a string, quotes left out. */
function realCost(text: string): number {
  return JSON.stringify(text).length - 2;
}

describe('card text', () => {
  describe('jsonCost', () => {
    it('should count quotes, backslashes and newlines twice', () => {
      assert.equal(jsonCost('a"b\\c\nd'), 10);
      assert.equal(jsonCost('🔴'), 2);
    });
  });

  describe('cleanCardText', () => {
    it('should put a zero-width space inside every ${ so no template marker survives', () => {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal adaptive-card template marker, on purpose
      const command = 'powershell ${env:TEMP}\\x.ps1';
      const cleaned = cleanCardText(command);
      assert.equal(cleaned.includes('${'), false);
      assert.equal(cleaned.replaceAll('\u200B', ''), command);
    });

    it('should break markdown links so a title cannot carry a hidden link', () => {
      assert.equal(cleanCardText('[click me](https://evil.example)').includes(']('), false);
    });

    it('should collapse whitespace and drop control characters on one line', () => {
      assert.equal(cleanCardText('  a\u0000b\t\tc\r\n d  '), 'a b c d');
    });

    it('should keep paragraphs in multiline text, at most one blank line between them', () => {
      assert.equal(cleanCardText('one\r\n\r\n\r\n\r\ntwo \n three', true), 'one\n\ntwo\nthree');
    });

    it('should replace lone surrogates and bidi overrides with U+FFFD', () => {
      assert.equal(cleanCardText('a\uD800b'), 'a\uFFFDb');
      assert.equal(cleanCardText('invoice\u202Egpj.exe'), 'invoice\uFFFDgpj.exe');
      assert.equal(cleanCardText('ok 🔴'), 'ok 🔴');
    });
  });

  describe('clipText', () => {
    it('should leave text within the limit alone', () => {
      assert.equal(clipText('short', 5), 'short');
    });

    it('should cut with an ellipsis to exactly the limit at most', () => {
      assert.equal(clipText('abcdefghij', 5), 'abcd…');
    });

    it('should count escaped characters when cutting', () => {
      const clipped = clipText('\\'.repeat(50), 11);
      assert.equal(clipped, `${'\\'.repeat(5)}…`);
      assert.ok(realCost(clipped) <= 11);
    });

    it('should never split a surrogate pair', () => {
      const clipped = clipText('🔴🔴🔴', 4);
      assert.equal(clipped, '🔴…');
    });
  });

  describe('cardText', () => {
    it('should give an empty string for an absent value', () => {
      assert.equal(cardText(undefined, 10), '');
    });

    it('should mark a huge input as cut even when cleaning shrinks it', () => {
      const text = cardText(`a${' '.repeat(100_000)}b`, 20);
      assert.equal(text.endsWith('…'), true);
    });

    it('should always fit its budget and hold no ${, whatever the input', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.integer({ min: 0, max: 120 }),
          fc.boolean(),
          (raw, max, multiline) => {
            const text = cardText(raw, max, multiline);
            assert.ok(realCost(text) <= max, `cost ${realCost(text)} > ${max}`);
            assert.equal(text.includes('${'), false);
            assert.equal(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text), false);
          },
        ),
      );
    });
  });

  describe('joinWithinBudget', () => {
    it('should list every item when they fit', () => {
      assert.equal(joinWithinBudget(['T1486', 'T1490'], { maxCost: 50, itemMaxCost: 10 }), 'T1486, T1490');
    });

    it('should say how many items were left out', () => {
      const items = Array.from({ length: 1000 }, (_, index) => `T${1000 + index}`);
      const joined = joinWithinBudget(items, { maxCost: 40, itemMaxCost: 10 });
      assert.match(joined, /^T1000, T1001, .* and \d+ more$/);
      assert.ok(realCost(joined) <= 40);
    });

    it('should skip empty items', () => {
      assert.equal(joinWithinBudget(['a', ' ', '', 'b'], { maxCost: 50, itemMaxCost: 10 }), 'a, b');
    });

    it('should list at most maxItems items and count the rest', () => {
      const options = { maxCost: 500, itemMaxCost: 10, maxItems: 2 };
      assert.equal(joinWithinBudget(['a', 'b', 'c', 'd'], options), 'a, b and 2 more');
      assert.equal(joinWithinBudget(['a', 'b'], options), 'a, b');
      assert.equal(joinWithinBudget(['a', 'b', 'c'], { ...options, separator: '; ' }), 'a; b and 1 more');
    });

    it('should stay within the budget when maxItems is not reached', () => {
      const items = Array.from({ length: 10 }, (_, index) => `item-${index}-${'x'.repeat(20)}`);
      const joined = joinWithinBudget(items, { maxCost: 60, itemMaxCost: 40, maxItems: 5 });
      assert.match(joined, /^item-0-x+ and 9 more$/);
      assert.ok(realCost(joined) <= 60);
    });
  });
});
