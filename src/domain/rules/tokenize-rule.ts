import { RuleParseError } from './rule-parse-error';
import type { RuleToken } from './rule-token';

/** Characters that end a bare word (an apostrophe inside a word, as in `don't`, does not). */
const BREAKS = new Set(['(', ')', ',', '=', '!', '<', '>', '~', '"', '“', '”']);
const SINGLE_QUOTES = new Set(["'", '‘', '’']);
const CURLY_DOUBLE = new Set(['“', '”']);
const CURLY_SINGLE = new Set(['‘', '’']);
const ESCAPABLE = new Set(['\\', '"', "'", '“', '”', '‘', '’']);
const REGEX_FLAG = /[A-Za-z]/;
/** After a single quote, a letter means an apostrophe (`‘it’s here’`), not the closing quote. */
const LETTER = /[\p{L}\p{N}]/u;

function isSpace(char: string): boolean {
  return /\s/.test(char);
}

/** The characters that close a string opened by `open`. */
function closersOf(open: string): ReadonlySet<string> {
  if (CURLY_DOUBLE.has(open)) return CURLY_DOUBLE;
  if (CURLY_SINGLE.has(open)) return CURLY_SINGLE;
  return new Set([open]);
}

/** A quoted string starting at `start`; `\` escapes a backslash or a quote. */
function readString(text: string, start: number): RuleToken {
  const open = text[start] ?? '"';
  const closers = closersOf(open);
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const char = text[at] ?? '';
    if (char === '\\' && ESCAPABLE.has(text[at + 1] ?? '')) {
      value += text[at + 1];
      at += 2;
    } else if (closers.has(char) && !(SINGLE_QUOTES.has(char) && LETTER.test(text[at + 1] ?? ''))) {
      return { kind: 'string', text: text.slice(start, at + 1), value, position: start };
    } else {
      value += char;
      at += 1;
    }
  }
  throw new RuleParseError(text, {
    position: start,
    found: 'end of rule',
    reason: 'Unterminated quote',
    expected: [`a closing ${[...closers][closers.size - 1]}`],
  });
}

/** A `/pattern/flags` regular expression starting at `start` (only right after `~`). */
function readRegex(text: string, start: number): RuleToken {
  let at = start + 1;
  let inClass = false;
  while (at < text.length) {
    const char = text[at];
    if (char === '\\') {
      at += 2;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) break;
    at += 1;
  }
  if (at >= text.length) {
    throw new RuleParseError(text, {
      position: start,
      found: 'end of rule',
      reason: 'Unterminated regular expression',
      expected: ['a closing /'],
    });
  }
  const pattern = text.slice(start + 1, at);
  let end = at + 1;
  while (end < text.length && REGEX_FLAG.test(text[end] ?? '')) end += 1;
  const flags = text.slice(at + 1, end);
  return { kind: 'regex', text: text.slice(start, end), value: pattern, flags, position: start };
}

/** A comparison operator at `start`, or undefined. `==` reads as `=`. */
function readOperator(text: string, start: number): RuleToken | undefined {
  const two = text.slice(start, start + 2);
  if (two === '==') return { kind: 'operator', text: two, value: '=', position: start };
  if (two === '!=' || two === '<=' || two === '>=') {
    return { kind: 'operator', text: two, value: two, position: start };
  }
  const one = text[start] ?? '';
  if (one === '=' || one === '<' || one === '>' || one === '~') {
    return { kind: 'operator', text: one, value: one, position: start };
  }
  return undefined;
}

/** A bare word at `start`: anything up to a space, a quote, a parenthesis, a comma or an operator. */
function readWord(text: string, start: number): RuleToken {
  let at = start;
  while (at < text.length) {
    const char = text[at] ?? '';
    if (isSpace(char) || BREAKS.has(char) || (at === start && SINGLE_QUOTES.has(char))) break;
    at += 1;
  }
  const word = text.slice(start, at);
  return { kind: 'word', text: word, value: word, position: start };
}

/**
 * Splits a rule into tokens: words, quoted strings (`"…"`, `'…'`, `“…”`, `‘…’`), `/regex/flags` (right
 * after `~`), operators, parentheses and commas, ending with an `end` token. Throws `RuleParseError` on
 * an unterminated quote or regex, or a stray `!`.
 */
export function tokenizeRule(text: string): RuleToken[] {
  const tokens: RuleToken[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] ?? '';
    if (isSpace(char)) {
      at += 1;
      continue;
    }
    const previous = tokens[tokens.length - 1];
    let token: RuleToken | undefined;
    if (char === '/' && previous?.kind === 'operator' && previous.value === '~') token = readRegex(text, at);
    else if (char === '"' || CURLY_DOUBLE.has(char) || SINGLE_QUOTES.has(char)) token = readString(text, at);
    else if (char === '(') token = { kind: 'lparen', text: char, value: char, position: at };
    else if (char === ')') token = { kind: 'rparen', text: char, value: char, position: at };
    else if (char === ',') token = { kind: 'comma', text: char, value: char, position: at };
    else if (BREAKS.has(char)) {
      token = readOperator(text, at);
      if (token === undefined) {
        throw new RuleParseError(text, { position: at, found: char, expected: ['"!="'] });
      }
    } else token = readWord(text, at);
    tokens.push(token);
    at = token.position + token.text.length;
  }
  tokens.push({ kind: 'end', text: '', value: '', position: text.length });
  return tokens;
}
