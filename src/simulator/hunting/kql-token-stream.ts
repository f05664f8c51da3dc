import { type KqlError, syntaxError } from './kql-error';
import type { Token } from './kql-lexer';

/** Words that are part of the grammar and cannot name a column or table. */
const RESERVED = new Set(
  (
    'and or by asc desc nulls first last in in~ contains contains_cs has has_cs has_any ' +
    'startswith startswith_cs endswith endswith_cs true false'
  ).split(' '),
);

/** Deeper nesting than this is refused rather than risking the stack. */
const MAX_DEPTH = 64;

/** A cursor over the tokens with the helpers the parser needs to say what it expected. */
export class TokenStream {
  private index = 0;
  private depth = 0;

  constructor(
    readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  /** The token `offset` ahead (the `eof` token past the end). */
  peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1]!;
    return this.tokens[this.index + offset] ?? last;
  }

  /** Consumes and returns the current token; stays on `eof`. */
  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  isWord(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.text === text;
  }

  isSymbol(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'symbol' && token.text === text;
  }

  /** True when the current token could be a column or table name. */
  isName(offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && !RESERVED.has(token.text) && !token.text.startsWith('!');
  }

  acceptWord(text: string): Token | undefined {
    return this.isWord(text) ? this.next() : undefined;
  }

  acceptSymbol(text: string): Token | undefined {
    return this.isSymbol(text) ? this.next() : undefined;
  }

  expectWord(text: string): Token {
    if (!this.isWord(text)) throw this.fail(`'${text}'`);
    return this.next();
  }

  expectSymbol(text: string): Token {
    if (!this.isSymbol(text)) throw this.fail(`'${text}'`);
    return this.next();
  }

  /** A column or table name; `what` says which, e.g. `a column name`. */
  expectName(what: string): { name: string; pos: number } {
    if (!this.isName()) throw this.fail(what);
    const token = this.next();
    return { name: token.text, pos: token.start };
  }

  /** The token that starts at `position` (for errors about an already parsed node). */
  tokenAt(position: number): Token {
    return this.tokens.find((token) => token.start === position) ?? this.peek();
  }

  /** `expected <what> after '<previous token>' but found '<current token>'`, at the current token. */
  fail(what: string, at: Token = this.peek()): KqlError {
    const previous = this.tokens[this.tokens.indexOf(at) - 1];
    const after = previous ? ` after '${clip(previous.text)}'` : '';
    return syntaxError(this.source, at.start, `expected ${what}${after} but found ${describe(at)}`);
  }

  /** Runs `parse` one level deeper; refuses absurd nesting instead of overflowing the stack. */
  nested<T>(parse: () => T): T {
    if (this.depth >= MAX_DEPTH) {
      throw syntaxError(this.source, this.peek().start, `expressions are nested more than ${MAX_DEPTH} deep`);
    }
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }
}

/** How a token is named in an error: `'|'`, `'project'`, `end of query`. */
export function describe(token: Token): string {
  return token.kind === 'eof' ? 'end of query' : `'${clip(token.text)}'`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
