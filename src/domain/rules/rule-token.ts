/** The kinds of token of the rule language. */
export type RuleTokenKind = 'word' | 'string' | 'regex' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'end';

/** One token of a rule, with where it starts in the rule's text. */
export interface RuleToken {
  readonly kind: RuleTokenKind;
  /** The token as written (empty for `end`). */
  readonly text: string;
  /** A string's content without quotes and escapes; a regex's pattern; otherwise the text. */
  readonly value: string;
  /** 0-based offset of the token's first character. */
  readonly position: number;
  /** A regex's flags, as written. */
  readonly flags?: string;
}

/** How an error names a token: `"then"`, or `end of rule`. */
export function tokenName(token: RuleToken): string {
  return token.kind === 'end' ? 'end of rule' : token.text;
}
