/** What a token is: a bare word, a quoted string, or Teams mention markup (`<at>Name</at>`). */
export type CommandTokenKind = 'word' | 'quoted' | 'mention';

/** One token of a typed command. */
export interface CommandToken {
  readonly kind: CommandTokenKind;
  /** The token's text: a quoted string without its quotes (escapes undone), a mention's inner name. */
  readonly value: string;
  /** The token exactly as it stands in the command's text: quotes and mention markup kept. */
  readonly raw: string;
  /** The 0-based offset of the token's first character in the command's text. */
  readonly position: number;
}
