import { syntaxError } from './odata-error';

export type TokenKind =
  | 'identifier'
  | 'string'
  | 'number'
  | 'datetime'
  | 'guid'
  | '('
  | ')'
  | ','
  | ':'
  | '/'
  | 'end';

/** One token of a `$filter` text; `position` is the 0-based index of its first character. */
export interface Token {
  readonly kind: TokenKind;
  /** The identifier, the unescaped string, or the literal's text. */
  readonly text: string;
  readonly position: number;
}

const PUNCTUATION = new Set(['(', ')', ',', ':', '/']);
const LITERAL_CHAR = /[0-9A-Za-z.:+-]/;
const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_]/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === "'") {
      if (text[index + 1] !== "'") return { value, end: index + 1 };
      value += "'";
      index += 2;
      continue;
    }
    value += char;
    index += 1;
  }
  throw syntaxError(text, start, 'unterminated string literal');
}

function readWhile(text: string, start: number, pattern: RegExp): number {
  let index = start;
  while (index < text.length && pattern.test(text[index] ?? '')) index += 1;
  return index;
}

function classifyLiteral(text: string, literal: string, position: number): TokenKind {
  if (NUMBER.test(literal)) return 'number';
  if (DATETIME.test(literal)) return 'datetime';
  if (GUID.test(literal)) return 'guid';
  throw syntaxError(text, position, `'${literal}' is not a valid literal`);
}

/** Splits a `$filter` text into tokens; an unknown character or a bad literal is a 400 `ODataError`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char as TokenKind, text: char, position: index });
      index += 1;
    } else if (char === "'") {
      const { value, end } = readString(text, index);
      tokens.push({ kind: 'string', text: value, position: index });
      index = end;
    } else if (/\d/.test(char) || (char === '-' && /\d/.test(text[index + 1] ?? ''))) {
      const end = readWhile(text, index + 1, LITERAL_CHAR);
      const literal = text.slice(index, end);
      tokens.push({ kind: classifyLiteral(text, literal, index), text: literal, position: index });
      index = end;
    } else if (IDENTIFIER_START.test(char)) {
      const end = readWhile(text, index + 1, IDENTIFIER_CHAR);
      tokens.push({ kind: 'identifier', text: text.slice(index, end), position: index });
      index = end;
    } else {
      throw syntaxError(text, index, `unexpected character '${char}'`);
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}
