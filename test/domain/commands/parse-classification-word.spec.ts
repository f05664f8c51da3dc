import assert from 'node:assert/strict';
import type { AlertClassification } from '../../../src/domain/alerts/alert';
import { parseClassificationWord } from '../../../src/domain/commands/parse-classification-word';

describe('parseClassificationWord', () => {
  const words: [string, AlertClassification][] = [
    ['truepositive', 'truePositive'],
    ['TruePositive', 'truePositive'],
    ['true-positive', 'truePositive'],
    ['TP', 'truePositive'],
    ['falsepositive', 'falsePositive'],
    ['False-Positive', 'falsePositive'],
    ['fp', 'falsePositive'],
    ['informational', 'informationalExpectedActivity'],
  ];
  for (const [word, classification] of words) {
    it(`should read ${word} as ${classification}`, () => {
      assert.equal(parseClassificationWord(word), classification);
    });
  }

  for (const word of ['', 'true', 'positive', 'tp.', 'true positive', 'constructor', 'toString', 'info']) {
    it(`should read ${JSON.stringify(word)} as no classification`, () => {
      assert.equal(parseClassificationWord(word), undefined);
    });
  }
});
