import type { CommandToken } from './command-token';

/**
 * A token's text in lower case when it is a bare word (a keyword such as `full` or `tp` may be one);
 * `undefined` for a quoted string, a mention or no token, which are never keywords.
 */
export function bareWord(token: CommandToken | undefined): string | undefined {
  return token?.kind === 'word' ? token.value.toLowerCase() : undefined;
}
