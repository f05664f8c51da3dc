import { CommandParseError } from './command-parse-error';
import type { CommandToken } from './command-token';
import { normalizeCommandSpaces } from './normalize-command-spaces';
import { quoteTyped } from './quote-typed';
import type { TokenizedCommand } from './tokenized-command';

/** Each opening quote and the quote that closes it: straight quotes and the smart quotes Teams types. */
const CLOSING_QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["'", "'"],
  ['\u201C', '\u201D'],
  ['\u201D', '\u201D'],
  ['\u2018', '\u2019'],
]);

/** `<at>` or `<at id="0">`; the attributes are bounded so a flood of `<at ` stays linear. */
const MENTION_OPEN = /<at(?:\s[^<>]{0,200})?>/iy;
const MENTION_CLOSE = /<\/at>/gi;
const MENTION_CLOSE_LENGTH = '</at>'.length;
const SPACE = /\s/;

/**
 * Splits a typed command into tokens, left to right, with their positions:
 * - whitespace (and `&nbsp;`, which becomes a space first) separates tokens;
 * - `<at>…</at>` (Teams mention markup) is one `mention` token, its value the inner name;
 * - a token that starts with a quote (`"…"`, `'…'`, `“…”`, `‘…’`) runs to the closing quote and is a
 *   `quoted` token without its quotes; in `"…"`, `\"` is a quote and `\\` a backslash;
 * - anything else is a `word` up to whitespace or a mention (a quote inside a word, as in `don't`, is
 *   part of it).
 *
 * Throws `CommandParseError` when a quote is never closed, pointing at the opening quote.
 */
export function tokenizeCommand(typed: string): TokenizedCommand {
  const text = normalizeCommandSpaces(typed);
  const mentions = mentionFinder(text);
  const tokens: CommandToken[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    if (SPACE.test(char)) {
      at += 1;
      continue;
    }
    const mention = mentions(at);
    const closer = CLOSING_QUOTES.get(char);
    const end =
      mention !== undefined
        ? mention.end
        : closer !== undefined
          ? quotedEnd(text, at, closer)
          : wordEnd(text, at, mentions);
    const raw = text.slice(at, end);
    if (mention !== undefined) tokens.push({ kind: 'mention', value: mention.name, raw, position: at });
    else if (closer !== undefined) {
      tokens.push({ kind: 'quoted', value: unquote(raw, char), raw, position: at });
    } else tokens.push({ kind: 'word', value: raw, raw, position: at });
    at = end;
  }
  return { text, tokens };
}

interface MentionAt {
  readonly name: string;
  readonly end: number;
}

/**
 * A function that tells whether mention markup starts at an offset. The next `</at>` is remembered, so
 * scanning a whole text takes linear time however many unclosed `<at>` it holds.
 */
function mentionFinder(text: string): (at: number) => MentionAt | undefined {
  let searchedFrom = Number.POSITIVE_INFINITY;
  let nextClose = -1;
  const closeFrom = (from: number): number => {
    if (from < searchedFrom || (nextClose !== -1 && nextClose < from)) {
      MENTION_CLOSE.lastIndex = from;
      nextClose = MENTION_CLOSE.exec(text)?.index ?? -1;
      searchedFrom = from;
    }
    return nextClose;
  };
  return (at) => {
    if (text.charAt(at) !== '<') return undefined;
    MENTION_OPEN.lastIndex = at;
    const open = MENTION_OPEN.exec(text);
    if (open === null) return undefined;
    const inside = at + open[0].length;
    const close = closeFrom(inside);
    if (close === -1) return undefined;
    return { name: text.slice(inside, close), end: close + MENTION_CLOSE_LENGTH };
  };
}

/** Where the quoted string opened at `at` ends (after its closing quote). */
function quotedEnd(text: string, at: number, closer: string): number {
  const escapes = text.charAt(at) === '"';
  let cursor = at + 1;
  while (cursor < text.length) {
    const char = text.charAt(cursor);
    if (char === closer) return cursor + 1;
    const next = text.charAt(cursor + 1);
    cursor += escapes && char === '\\' && (next === '"' || next === '\\') ? 2 : 1;
  }
  const opener = text.charAt(at);
  throw new CommandParseError(
    `The ${opener} at character ${at + 1} (${quoteTyped(text.slice(at))}) is never closed: end the quoted text with ${closer}, or leave the ${opener} out.`,
    at,
    `a closing ${closer}`,
  );
}

/** Where the word starting at `at` ends: at whitespace or where mention markup starts. */
function wordEnd(text: string, at: number, mentions: (at: number) => MentionAt | undefined): number {
  let cursor = at + 1;
  while (cursor < text.length && !SPACE.test(text.charAt(cursor)) && mentions(cursor) === undefined) {
    cursor += 1;
  }
  return cursor;
}

/** A quoted token's value: its quotes removed and, for `"…"`, `\"` and `\\` undone. */
function unquote(raw: string, opener: string): string {
  const inside = raw.slice(1, -1);
  return opener === '"' ? inside.replace(/\\(["\\])/g, '$1') : inside;
}
