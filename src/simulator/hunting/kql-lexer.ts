import { syntaxError } from './kql-error';
import { parseDatetimeText, timespanMs } from './kql-values';

export type TokenKind = 'word' | 'number' | 'timespan' | 'string' | 'datetime' | 'symbol' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The token as written (for a string, with its quotes). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A string's content, a number, a timespan in ms or a datetime in epoch ms. */
  readonly value?: string | number;
  /** A number written with a fraction or exponent (a `real` rather than a `long`). */
  readonly isReal?: boolean;
}

/** Operator keywords written with a hyphen; any other `word-word` is a minus. */
const HYPHENATED = new Set(
  'project-away project-rename project-keep project-reorder mv-expand mv-apply make-series'.split(' '),
);

/** Words that may follow `!` (`!contains`, `!in`, …). */
const NEGATABLE = new Set(
  'contains contains_cs has has_cs startswith startswith_cs endswith endswith_cs in'.split(' '),
);

/** Longest first, so that `==` is one symbol rather than two `=`. */
const SYMBOLS = '== =~ != !~ <= >= <> | ( ) , ; = < > + - * / %'.split(' ');

const isWordStart = (c: string) => /[A-Za-z_]/.test(c);
const isWordChar = (c: string) => /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/** Turns KQL text into tokens, ending with one `eof` token. Throws only {@link KqlError}. */
export function tokenize(source: string): Token[] {
  return new KqlLexer(source).run();
}

class KqlLexer {
  private pos = 0;
  private readonly tokens: Token[] = [];

  constructor(private readonly source: string) {}

  run(): Token[] {
    while (this.skipSpaceAndComments()) {
      const before = this.pos;
      this.tokens.push(this.lexOne());
      if (this.pos <= before) throw syntaxError(this.source, before, 'the lexer could not advance');
    }
    this.tokens.push({ kind: 'eof', text: '', start: this.source.length, end: this.source.length });
    return this.tokens;
  }

  /** Skips blanks and `//` comments; false at the end of the text. */
  private skipSpaceAndComments(): boolean {
    const src = this.source;
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') this.pos += 1;
      else if (src.startsWith('//', this.pos)) {
        const eol = src.indexOf('\n', this.pos);
        this.pos = eol === -1 ? src.length : eol + 1;
      } else return true;
    }
    return false;
  }

  private lexOne(): Token {
    const c = this.source[this.pos]!;
    const next = this.source[this.pos + 1] ?? '';
    if (c === '"' || c === "'") return this.lexString(this.pos, c, false);
    if (c === '@' && (next === '"' || next === "'")) return this.lexString(this.pos, next, true);
    if (isDigit(c)) return this.lexNumber();
    if (isWordStart(c)) return this.lexWord();
    if (c === '!' && isWordStart(next)) return this.lexNegatedWord();
    return this.lexSymbol();
  }

  private lexString(start: number, quote: string, verbatim: boolean): Token {
    const src = this.source;
    let i = start + (verbatim ? 2 : 1);
    let value = '';
    while (i < src.length && src[i] !== quote) {
      const c = src[i]!;
      if (c === '\n' && !verbatim) break;
      if (c === '\\' && !verbatim && i + 1 < src.length) {
        value += escapedChar(src[i + 1]!);
        i += 2;
      } else {
        value += c;
        i += 1;
      }
    }
    if (src[i] !== quote) {
      throw syntaxError(src, start, `unterminated string literal: expected a closing ${quote}`);
    }
    this.pos = i + 1;
    return { kind: 'string', text: src.slice(start, this.pos), start, end: this.pos, value };
  }

  private lexNumber(): Token {
    const src = this.source;
    const start = this.pos;
    const match = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(start, start + 400))!;
    const numberText = match[0];
    const end = start + numberText.length;
    const amount = Number(numberText);
    const isReal = match[1] !== undefined || match[2] !== undefined;
    if (end < src.length && isWordChar(src[end]!)) {
      let unitEnd = end;
      while (unitEnd < src.length && isWordChar(src[unitEnd]!)) unitEnd += 1;
      const unit = src.slice(end, unitEnd);
      const ms = timespanMs(amount, unit);
      if (ms === undefined) {
        throw syntaxError(
          src,
          end,
          `expected a timespan unit (d, h, m, s or ms) after '${numberText}' but found '${unit}'`,
        );
      }
      this.pos = unitEnd;
      return { kind: 'timespan', text: src.slice(start, unitEnd), start, end: unitEnd, value: ms };
    }
    this.pos = end;
    return { kind: 'number', text: numberText, start, end, value: amount, isReal };
  }

  private lexWord(): Token {
    const src = this.source;
    const start = this.pos;
    let end = start;
    while (end < src.length && isWordChar(src[end]!)) end += 1;
    let word = src.slice(start, end);
    if (src[end] === '-' && isWordStart(src[end + 1] ?? '')) {
      let tail = end + 1;
      while (tail < src.length && isWordChar(src[tail]!)) tail += 1;
      const joined = src.slice(start, tail);
      if (HYPHENATED.has(joined)) [word, end] = [joined, tail];
    }
    if (word === 'in' && src[end] === '~') [word, end] = ['in~', end + 1];
    this.pos = end;
    if (word === 'datetime') return this.lexDatetime(start) ?? this.wordToken(word, start, end);
    return this.wordToken(word, start, end);
  }

  private wordToken(word: string, start: number, end: number): Token {
    return { kind: 'word', text: word, start, end, value: word };
  }

  private lexNegatedWord(): Token {
    const src = this.source;
    const start = this.pos;
    let end = start + 1;
    while (end < src.length && isWordChar(src[end]!)) end += 1;
    let word = src.slice(start + 1, end);
    if (word === 'in' && src[end] === '~') [word, end] = ['in~', end + 1];
    if (!NEGATABLE.has(word.replace('~', ''))) {
      throw syntaxError(
        src,
        start,
        `expected an operator such as '!=', '!~', '!contains', '!has' or '!in' but found '!${word}'`,
      );
    }
    this.pos = end;
    return this.wordToken(`!${word}`, start, end);
  }

  /** `datetime(2026-01-01T00:00:00Z)`: the text inside the parentheses is not made of tokens. */
  private lexDatetime(start: number): Token | undefined {
    const src = this.source;
    let open = this.pos;
    while (src[open] === ' ' || src[open] === '\t') open += 1;
    if (src[open] !== '(') return undefined;
    const close = src.indexOf(')', open);
    if (close === -1) {
      throw syntaxError(src, open, "expected ')' to close the datetime literal but found end of query");
    }
    const raw = src.slice(open + 1, close).trim();
    const unquoted = /^(["'])(.*)\1$/.exec(raw)?.[2] ?? raw;
    const value = parseDatetimeText(unquoted);
    if (value === undefined) {
      throw syntaxError(
        src,
        open + 1,
        `expected a date such as 2026-01-01T00:00:00Z inside datetime() but found '${raw}'`,
      );
    }
    this.pos = close + 1;
    return { kind: 'datetime', text: src.slice(start, this.pos), start, end: this.pos, value };
  }

  private lexSymbol(): Token {
    const src = this.source;
    const start = this.pos;
    const symbol = SYMBOLS.find((s) => src.startsWith(s, start));
    if (symbol === undefined) {
      throw syntaxError(src, start, `unexpected character '${src[start]}'`);
    }
    this.pos = start + symbol.length;
    return { kind: 'symbol', text: symbol, start, end: this.pos };
  }
}

function escapedChar(c: string): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
  return escapes[c] ?? `\\${c}`;
}
