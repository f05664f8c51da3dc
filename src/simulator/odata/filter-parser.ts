import { COMPARISON_OPERATORS, type ComparisonOperator, type FilterNode } from './filter-ast';
import { type Token, type TokenKind, tokenize } from './filter-tokenizer';
import { syntaxError } from './odata-error';

/** Operators, which cannot name a property. */
const RESERVED = new Set(['and', 'or', 'in', ...COMPARISON_OPERATORS]);

/**
 * A recursive-descent parser for OData `$filter`:
 *   or := and ('or' and)* ; and := unary ('and' unary)* ; unary := 'not' unary | comparison
 *   comparison := operand [(eq|ne|gt|ge|lt|le) operand | 'in' '(' operand, … ')']
 *   operand := '(' or ')' | literal | function '(' args ')' | path ['/' any|all '(' [var ':' or] ')']
 * Keywords and function names match in any case; property names are resolved later.
 */
class FilterParser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw this.error(next, 'expected an operator or the end of the expression');
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'identifier' && token.text.toLowerCase() === word;
  }

  private expect(kind: TokenKind, what: string): Token {
    const token = this.next();
    if (token.kind !== kind) throw this.error(token, `expected ${what}`);
    return token;
  }

  private error(token: Token, detail: string) {
    const found = token.kind === 'end' ? 'the end of the expression' : `'${token.text}'`;
    return syntaxError(this.text, token.position, `${detail}, found ${found}`);
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword('and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.isKeyword('not')) {
      this.next();
      return { kind: 'not', operand: this.parseUnary() };
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterNode {
    const left = this.parseOperand();
    const token = this.peek();
    const word = token.kind === 'identifier' ? token.text.toLowerCase() : '';
    if ((COMPARISON_OPERATORS as readonly string[]).includes(word)) {
      this.next();
      return { kind: 'compare', operator: word as ComparisonOperator, left, right: this.parseOperand() };
    }
    if (word === 'in') {
      this.next();
      return { kind: 'in', left, items: this.parseList() };
    }
    return left;
  }

  private parseList(): FilterNode[] {
    this.expect('(', "'('");
    const items = [this.parseOperand()];
    while (this.peek().kind === ',') {
      this.next();
      items.push(this.parseOperand());
    }
    this.expect(')', "',' or ')'");
    return items;
  }

  private parseOperand(): FilterNode {
    const token = this.next();
    switch (token.kind) {
      case '(': {
        const inner = this.parseOr();
        this.expect(')', "')'");
        return inner;
      }
      case 'string':
        return this.literal(token, { type: 'string', value: token.text });
      case 'number':
        return this.literal(token, { type: 'number', value: Number(token.text) });
      case 'datetime':
        return this.literal(token, { type: 'datetime', text: token.text });
      case 'guid':
        return this.literal(token, { type: 'guid', value: token.text });
      case 'identifier':
        return this.parseIdentifier(token);
      default:
        throw this.error(token, 'expected a property, a literal or a function');
    }
  }

  private literal(token: Token, literal: Extract<FilterNode, { kind: 'literal' }>['literal']): FilterNode {
    return { kind: 'literal', literal, position: token.position };
  }

  private parseIdentifier(token: Token): FilterNode {
    const word = token.text.toLowerCase();
    if (RESERVED.has(word)) throw this.error(token, 'expected a property, a literal or a function');
    if (word === 'null') return this.literal(token, { type: 'null' });
    if (word === 'true' || word === 'false')
      return this.literal(token, { type: 'boolean', value: word === 'true' });
    if (this.peek().kind === '(') return this.parseCall(token);
    let path = token.text;
    while (this.peek().kind === '/') {
      this.next();
      const segment = this.expect('identifier', 'a property name after /');
      const quantifier = segment.text.toLowerCase();
      if ((quantifier === 'any' || quantifier === 'all') && this.peek().kind === '(') {
        return this.parseLambda(path, quantifier, token.position);
      }
      path = `${path}/${segment.text}`;
    }
    return { kind: 'name', path, position: token.position };
  }

  private parseCall(token: Token): FilterNode {
    this.next();
    const args: FilterNode[] = [];
    if (this.peek().kind !== ')') {
      args.push(this.parseOr());
      while (this.peek().kind === ',') {
        this.next();
        args.push(this.parseOr());
      }
    }
    this.expect(')', "',' or ')'");
    return { kind: 'call', name: token.text.toLowerCase(), args, position: token.position };
  }

  private parseLambda(collection: string, quantifier: 'any' | 'all', position: number): FilterNode {
    this.expect('(', "'('");
    if (this.peek().kind === ')') {
      this.next();
      if (quantifier === 'all') throw this.error(this.peek(-1), 'all() needs a lambda expression');
      return { kind: 'lambda', quantifier, collection, position };
    }
    const variable = this.expect('identifier', 'a lambda variable').text;
    this.expect(':', "':'");
    const body = this.parseOr();
    this.expect(')', "')'");
    return { kind: 'lambda', quantifier, collection, variable, body, position };
  }
}

/** Parses a `$filter` text into a syntax tree; a syntax error is a 400 `ODataError` naming the position. */
export function parseFilter(text: string): FilterNode {
  if (text.trim() === '') throw syntaxError(text, 0, 'the expression is empty');
  return new FilterParser(text, tokenize(text)).parse();
}
