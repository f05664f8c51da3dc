import { editDistance } from './edit-distance';

/** Words longer than this are not compared: nobody misspells a keyword that badly. */
const MAX_WORD = 40;

/**
 * The candidate closest to `word` (ignoring case) when it is close enough to be a typo: at most one edit
 * for short words, two from five letters, three from nine; undefined otherwise.
 */
export function suggestWord(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > MAX_WORD) return undefined;
  const lower = word.toLowerCase();
  const allowed = lower.length >= 9 ? 3 : lower.length >= 5 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance > 0 && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
