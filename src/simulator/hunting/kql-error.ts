/** Whether the query could not be read (syntax) or could be read but not resolved or typed (semantic). */
export type KqlErrorKind = 'syntax' | 'semantic' | 'limit';

/**
 * The only error the KQL lexer, parser and evaluator throw. `position` is a 0-based offset into the query
 * text; the message already names it and says what was expected.
 */
export class KqlError extends Error {
  constructor(
    readonly kind: KqlErrorKind,
    readonly position: number,
    message: string,
  ) {
    super(message);
    this.name = 'KqlError';
  }
}

/** `line 2, column 5` for a 0-based offset (lines and columns counted from 1, as editors show them). */
export function describeLocation(source: string, position: number): string {
  const before = source.slice(0, Math.max(0, position));
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/** `Syntax error at position 27 (line 1, column 28): expected … but found '|'.` */
export function syntaxError(source: string, position: number, detail: string): KqlError {
  return new KqlError(
    'syntax',
    position,
    `Syntax error at position ${position} (${describeLocation(source, position)}): ${detail}.`,
  );
}

/** A reference or type problem, e.g. `Failed to resolve column 'Foo' at position 12.` */
export function semanticError(position: number, message: string): KqlError {
  return new KqlError('semantic', position, message);
}
