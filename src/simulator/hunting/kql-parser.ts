import type { KqlQuery, TabularOperator } from './kql-ast';
import { syntaxError } from './kql-error';
import { tokenize } from './kql-lexer';
import { OPERATOR_PARSERS, UNSUPPORTED_OPERATORS } from './kql-operator-parsers';
import { TokenStream } from './kql-token-stream';

const SUPPORTED = Object.keys(OPERATOR_PARSERS).join(', ');

/**
 * Parses `Table | operator | operator …` into an AST. Throws only {@link KqlError}; every loop
 * consumes a token per turn and nesting is bounded, so it always ends.
 */
export function parseKql(source: string): KqlQuery {
  const s = new TokenStream(source, tokenize(source));
  if (s.isWord('let')) throw syntaxError(source, s.peek().start, "'let' statements are not supported");
  const table = s.expectName('a table name');
  const operators: TabularOperator[] = [];
  while (s.peek().kind !== 'eof') {
    if (!s.isSymbol('|')) throw s.fail("'|' or end of query");
    s.next();
    operators.push(parseOperator(s));
  }
  return { table, operators };
}

function parseOperator(s: TokenStream): TabularOperator {
  const token = s.peek();
  const parse = token.kind === 'word' ? OPERATOR_PARSERS[token.text] : undefined;
  if (parse && Object.hasOwn(OPERATOR_PARSERS, token.text)) {
    s.next();
    return parse(s, token.start);
  }
  if (token.kind === 'word' && UNSUPPORTED_OPERATORS.has(token.text)) {
    throw syntaxError(
      s.source,
      token.start,
      `the operator '${token.text}' is not supported by the simulator (supported: ${SUPPORTED})`,
    );
  }
  throw s.fail(`a tabular operator (${SUPPORTED})`);
}
