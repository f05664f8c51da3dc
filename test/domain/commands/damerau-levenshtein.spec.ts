import assert from 'node:assert/strict';
import fc from 'fast-check';
import { damerauLevenshtein } from '../../../src/domain/commands/damerau-levenshtein';

describe('damerauLevenshtein', () => {
  const distances: [string, string, number][] = [
    ['', '', 0],
    ['', 'help', 4],
    ['help', '', 4],
    ['help', 'help', 0],
    ['hepl', 'help', 1],
    ['isloate', 'isolate', 1],
    ['alrts', 'alerts', 1],
    ['rol', 'role', 1],
    ['scna', 'scan', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 2],
    ['abcdef', 'badcfe', 3],
    ['Help', 'help', 1],
    ['😀a', 'a😀', 1],
    ['😀', 'x', 1],
  ];
  for (const [a, b, distance] of distances) {
    it(`should measure ${JSON.stringify(a)} to ${JSON.stringify(b)} as ${distance}`, () => {
      assert.equal(damerauLevenshtein(a, b), distance);
    });
  }

  const short = fc.string({ maxLength: 12 });

  it('should be symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(short, short, (a, b) => {
        const distance = damerauLevenshtein(a, b);
        return distance === damerauLevenshtein(b, a) && (distance === 0) === (a === b);
      }),
    );
  });

  it('should lie between the difference of the lengths and the longer length', () => {
    fc.assert(
      fc.property(short, short, (a, b) => {
        const distance = damerauLevenshtein(a, b);
        return distance >= Math.abs(a.length - b.length) && distance <= Math.max(a.length, b.length);
      }),
    );
  });

  it('should obey the triangle inequality', () => {
    fc.assert(
      fc.property(short, short, short, (a, b, c) => {
        return damerauLevenshtein(a, c) <= damerauLevenshtein(a, b) + damerauLevenshtein(b, c);
      }),
    );
  });

  it('should count one swap of neighbours as one edit', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 2, maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'd') }),
        fc.nat(),
        (text, at) => {
          const index = at % (text.length - 1);
          const left = text.charAt(index);
          const right = text.charAt(index + 1);
          const swapped = text.slice(0, index) + right + left + text.slice(index + 2);
          return damerauLevenshtein(text, swapped) === (left === right ? 0 : 1);
        },
      ),
    );
  });
});
