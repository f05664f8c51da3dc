import type { KqlExpr } from './kql-ast';
import type { Token } from './kql-lexer';
import type { TokenStream } from './kql-token-stream';

const COMPARISON_SYMBOLS = new Set(['==', '!=', '<>', '=~', '!~', '<', '<=', '>', '>=']);
const STRING_OPERATORS = new Set(
  ['contains', 'has', 'startswith', 'endswith'].flatMap((op) => [op, `!${op}`, `${op}_cs`, `!${op}_cs`]),
);
const LIST_OPERATORS = new Set(['in', '!in', 'in~', '!in~', 'has_any']);

/**
 * Parses one scalar expression by recursive descent. Precedence, lowest first: `or`, `and`,
 * comparisons and string/list operators, `+ -`, `* / %`, unary minus, then literals, names, calls and
 * parentheses. `what` names the expected thing when the first token cannot start an expression.
 */
export function parseExpression(s: TokenStream, what = 'an expression'): KqlExpr {
  if (!canStartExpression(s.peek())) throw s.fail(what);
  return s.nested(() => parseOr(s));
}

function canStartExpression(token: Token): boolean {
  if (token.kind === 'symbol') return token.text === '(' || token.text === '-';
  return token.kind !== 'eof';
}

function parseOr(s: TokenStream): KqlExpr {
  let left = parseAnd(s);
  while (s.isWord('or')) {
    const op = s.next();
    left = { kind: 'binary', op: 'or', left, right: parseAnd(s), pos: op.start };
  }
  return left;
}

function parseAnd(s: TokenStream): KqlExpr {
  let left = parseComparison(s);
  while (s.isWord('and')) {
    const op = s.next();
    left = { kind: 'binary', op: 'and', left, right: parseComparison(s), pos: op.start };
  }
  return left;
}

function parseComparison(s: TokenStream): KqlExpr {
  const left = parseAdditive(s);
  const token = s.peek();
  const isComparison = token.kind === 'symbol' && COMPARISON_SYMBOLS.has(token.text);
  if (isComparison || (token.kind === 'word' && STRING_OPERATORS.has(token.text))) {
    s.next();
    const op = token.text === '<>' ? '!=' : token.text;
    const right = operand(s, 'a value to compare with');
    return { kind: 'binary', op, left, right, pos: token.start };
  }
  if (token.kind === 'word' && LIST_OPERATORS.has(token.text)) return parseList(s, left);
  return left;
}

/** The right side of an operator: an additive expression, with a clear message when it is missing. */
function operand(s: TokenStream, what: string): KqlExpr {
  if (!canStartExpression(s.peek())) throw s.fail(what);
  return parseAdditive(s);
}

function parseList(s: TokenStream, left: KqlExpr): KqlExpr {
  const op = s.next();
  s.expectSymbol('(');
  const items: KqlExpr[] = [];
  do {
    items.push(parseExpression(s, 'a value'));
  } while (s.acceptSymbol(','));
  s.expectSymbol(')');
  return { kind: 'list', op: op.text, left, items, pos: op.start };
}

function parseAdditive(s: TokenStream): KqlExpr {
  let left = parseMultiplicative(s);
  while (s.isSymbol('+') || s.isSymbol('-')) {
    const op = s.next();
    left = { kind: 'binary', op: op.text, left, right: operand(s, 'a value'), pos: op.start };
  }
  return left;
}

function parseMultiplicative(s: TokenStream): KqlExpr {
  let left = parseUnary(s);
  while (s.isSymbol('*') || s.isSymbol('/') || s.isSymbol('%')) {
    const op = s.next();
    if (!canStartExpression(s.peek())) throw s.fail('a value');
    left = { kind: 'binary', op: op.text, left, right: parseUnary(s), pos: op.start };
  }
  return left;
}

function parseUnary(s: TokenStream): KqlExpr {
  if (!s.isSymbol('-')) return parsePrimary(s);
  const minus = s.next();
  if (!canStartExpression(s.peek())) throw s.fail('a value');
  const operand = s.nested(() => parseUnary(s));
  if (operand.kind === 'literal' && typeof operand.value === 'number') {
    return { ...operand, value: -operand.value, pos: minus.start };
  }
  return { kind: 'unary', op: '-', operand, pos: minus.start };
}

function parsePrimary(s: TokenStream): KqlExpr {
  const token = s.peek();
  switch (token.kind) {
    case 'number':
      s.next();
      return { kind: 'literal', type: token.isReal ? 'real' : 'long', value: token.value!, pos: token.start };
    case 'timespan':
      s.next();
      return { kind: 'literal', type: 'timespan', value: token.value!, pos: token.start };
    case 'datetime':
      s.next();
      return { kind: 'literal', type: 'datetime', value: token.value!, pos: token.start };
    case 'string':
      s.next();
      return { kind: 'literal', type: 'string', value: token.value!, pos: token.start };
    case 'word':
      return parseWord(s, token);
    default:
      if (s.acceptSymbol('(')) {
        const inner = parseExpression(s, 'an expression');
        s.expectSymbol(')');
        return inner;
      }
      throw s.fail('an expression');
  }
}

function parseWord(s: TokenStream, token: Token): KqlExpr {
  if (token.text === 'true' || token.text === 'false') {
    s.next();
    return { kind: 'literal', type: 'bool', value: token.text === 'true', pos: token.start };
  }
  if (s.isSymbol('(', 1) && s.isName()) return parseCall(s);
  const name = s.expectName('a column name or a value');
  return { kind: 'column', name: name.name, pos: name.pos };
}

function parseCall(s: TokenStream): KqlExpr {
  const name = s.next();
  s.expectSymbol('(');
  const args: KqlExpr[] = [];
  if (!s.isSymbol(')')) {
    do {
      args.push(parseExpression(s, 'a function argument'));
    } while (s.acceptSymbol(','));
  }
  s.expectSymbol(')');
  return { kind: 'call', name: name.text, args, pos: name.start };
}
