import { RuleParseError } from './rule-parse-error';
import { type RuleToken, tokenName } from './rule-token';
import { suggestWord } from './suggest-word';

/** What a failure says beyond the token: what was expected, and optionally why and a suggestion. */
export interface RuleFailure {
  readonly expected: readonly string[];
  readonly reason?: string;
  /** Words the token may be a typo of; the closest becomes the suggestion. */
  readonly candidates?: readonly string[];
}

/** Walks the tokens of one rule, with the helpers the parser needs. */
export class RuleCursor {
  private index = 0;

  constructor(
    readonly text: string,
    private readonly tokens: readonly RuleToken[],
  ) {}

  /** The token `offset` ahead (the `end` token past the end). */
  peek(offset = 0): RuleToken {
    const last = this.tokens[this.tokens.length - 1] as RuleToken;
    return this.tokens[this.index + offset] ?? last;
  }

  /** Takes the current token. */
  next(): RuleToken {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  /** True when the token `offset` ahead is the bare word `word`, in any case. */
  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.value.toLowerCase() === word;
  }

  /** True when the current token is one of the bare words, in any case. */
  isOneOf(words: readonly string[]): boolean {
    const token = this.peek();
    return token.kind === 'word' && words.includes(token.value.toLowerCase());
  }

  /** Takes the bare word `word`, or fails expecting `expected`. */
  expectWord(word: string, failure: RuleFailure): RuleToken {
    if (!this.isWord(word)) this.fail(this.peek(), failure);
    return this.next();
  }

  /** Throws the `RuleParseError` for `token`. */
  fail(token: RuleToken, failure: RuleFailure): never {
    const suggestion =
      token.kind === 'word' && failure.candidates ? suggestWord(token.value, failure.candidates) : undefined;
    throw new RuleParseError(this.text, {
      position: token.position,
      found: tokenName(token),
      expected: failure.expected,
      ...(failure.reason === undefined ? {} : { reason: failure.reason }),
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }
}
