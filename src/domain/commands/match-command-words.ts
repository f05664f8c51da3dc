import type { CommandToken } from './command-token';
import { commandWords } from './command-words';

/** The command a typed message names, and the tokens after the command's words. */
export interface CommandWordsMatch {
  /** The name as given in `names`. */
  readonly name: string;
  readonly args: readonly CommandToken[];
}

/**
 * The command whose words are the first tokens, compared case-insensitively (`Role GRANT x` is
 * `role grant`). Only bare words count: a quoted `"help"` or a mention is never a command word. When
 * several names fit, the one with the most words wins, so `role grant` is never taken for `role`.
 * `undefined` when no name fits.
 */
export function matchCommandWords(
  tokens: readonly CommandToken[],
  names: readonly string[],
): CommandWordsMatch | undefined {
  let best: { readonly name: string; readonly length: number } | undefined;
  for (const name of names) {
    const words = commandWords(name);
    if (words.length === 0 || words.length > tokens.length) continue;
    if (best !== undefined && words.length <= best.length) continue;
    const fits = words.every((word, index) => {
      const token = tokens[index];
      return token?.kind === 'word' && token.value.toLowerCase() === word;
    });
    if (fits) best = { name, length: words.length };
  }
  return best === undefined ? undefined : { name: best.name, args: tokens.slice(best.length) };
}
