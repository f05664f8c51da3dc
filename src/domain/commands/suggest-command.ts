import { commandWords } from './command-words';
import { damerauLevenshtein } from './damerau-levenshtein';
import { normalizeCommandSpaces } from './normalize-command-spaces';

/** Mention markup, removed before guessing (the bot's own `<at>Vigil</at>` is no command word). */
const MENTION = /<at(?:\s[^<>]{0,200})?>[^<]{0,300}<\/at>/gi;

/** How far a typed word may be from a command word: 2 edits for words of 5 letters or more, else 1. */
export function suggestionThreshold(word: string): number {
  return Array.from(word).length >= 5 ? 2 : 1;
}

/**
 * "Did you mean": the command names closest to what was typed, for an answer to a message that names
 * no command. A name of one word is compared with the first typed word, a name of two words with the
 * first two; each word must be within `suggestionThreshold` of the command's word (Damerau-Levenshtein,
 * case ignored). Returns the names at the smallest total distance (of those, the ones with the most
 * words, so `role grnat` is `role grant` rather than `roles`), in the order of `names`, or nothing (`[]`)
 * when no name is close. `isloate` → `isolate`, `rol grant` → `role grant`. Never throws.
 */
export function suggestCommand(typed: string, names: readonly string[]): readonly string[] {
  const typedWords = commandWords(normalizeCommandSpaces(typed).replace(MENTION, ' ')).slice(0, 2);
  let best = { distance: Number.POSITIVE_INFINITY, words: 0 };
  let closest: string[] = [];
  for (const name of names) {
    const words = commandWords(name);
    if (words.length === 0 || words.length > typedWords.length) continue;
    const distance = totalDistance(typedWords, words);
    if (distance === undefined || distance > best.distance) continue;
    if (distance === best.distance && words.length < best.words) continue;
    if (distance < best.distance || words.length > best.words) closest = [];
    best = { distance, words: words.length };
    if (!closest.includes(name)) closest.push(name);
  }
  return closest;
}

/** The summed distance of each command word from the typed word in its place; undefined if one is too far. */
function totalDistance(typedWords: readonly string[], words: readonly string[]): number | undefined {
  let total = 0;
  for (const [index, word] of words.entries()) {
    const typedWord = typedWords[index] ?? '';
    const threshold = suggestionThreshold(word);
    if (Math.abs(typedWord.length - word.length) > threshold * 2) return undefined;
    const distance = damerauLevenshtein(typedWord, word);
    if (distance > threshold) return undefined;
    total += distance;
  }
  return total;
}
