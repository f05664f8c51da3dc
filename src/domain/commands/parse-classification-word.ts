import type { AlertClassification } from '../alerts/alert';

const CLASSIFICATION_WORDS: Readonly<Record<string, AlertClassification>> = {
  truepositive: 'truePositive',
  'true-positive': 'truePositive',
  tp: 'truePositive',
  falsepositive: 'falsePositive',
  'false-positive': 'falsePositive',
  fp: 'falsePositive',
  informational: 'informationalExpectedActivity',
};

/**
 * The classification a typed word names, in any case: `truepositive`, `true-positive` or `tp`;
 * `falsepositive`, `false-positive` or `fp`; `informational` (expected activity). `undefined` otherwise.
 */
export function parseClassificationWord(word: string): AlertClassification | undefined {
  const lower = word.toLowerCase();
  return Object.hasOwn(CLASSIFICATION_WORDS, lower) ? CLASSIFICATION_WORDS[lower] : undefined;
}
