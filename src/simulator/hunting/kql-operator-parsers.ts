import type { AggregateItem, NamedExpr, NameRef, SortKey, TabularOperator } from './kql-ast';
import { parseExpression } from './kql-expression-parser';
import type { TokenStream } from './kql-token-stream';

type OperatorParser = (s: TokenStream, pos: number) => TabularOperator;

/** The tabular operators the simulator runs, by keyword (case-sensitive, as in KQL). */
export const OPERATOR_PARSERS: Readonly<Record<string, OperatorParser>> = {
  where: (s, pos) => ({ kind: 'where', pos, predicate: parseExpression(s, 'a predicate') }),
  filter: (s, pos) => ({ kind: 'where', pos, predicate: parseExpression(s, 'a predicate') }),
  project: (s, pos) => ({ kind: 'project', pos, items: parseNamedList(s, 'a column name or expression') }),
  extend: (s, pos) => ({ kind: 'extend', pos, items: parseNamedList(s, 'a column name = expression') }),
  'project-away': (s, pos) => ({ kind: 'project-away', pos, columns: parseNameList(s) }),
  'project-rename': (s, pos) => ({ kind: 'project-rename', pos, renames: parseRenames(s) }),
  take: (s, pos) => ({ kind: 'take', pos, count: parseCount(s) }),
  limit: (s, pos) => ({ kind: 'take', pos, count: parseCount(s) }),
  top: parseTop,
  sort: parseSort,
  order: parseSort,
  summarize: parseSummarize,
  distinct: (s, pos) => ({ kind: 'distinct', pos, columns: s.acceptSymbol('*') ? '*' : parseNameList(s) }),
  count: (_s, pos) => ({ kind: 'count', pos }),
};

/** KQL operators a hunt might use that the simulator does not run (a clearer error than "unknown"). */
export const UNSUPPORTED_OPERATORS = new Set(
  (
    'join union lookup mv-expand mv-apply make-series parse evaluate render as invoke ' +
    'serialize getschema search find sample project-keep project-reorder ' +
    'partition scan fork facet externaldata range print'
  ).split(' '),
);

/** `Name = expr` when a name and `=` come first, otherwise a bare expression. */
function parseNamedItem(s: TokenStream, what: string): NamedExpr {
  if (s.isName() && s.isSymbol('=', 1)) {
    const name = s.expectName('a column name');
    s.next();
    return { name, expr: parseExpression(s, `an expression for '${name.name}'`) };
  }
  return { expr: parseExpression(s, what) };
}

function parseNamedList(s: TokenStream, what: string): NamedExpr[] {
  const items = [parseNamedItem(s, what)];
  while (s.acceptSymbol(',')) items.push(parseNamedItem(s, what));
  return items;
}

function parseNameList(s: TokenStream): NameRef[] {
  const names = [s.expectName('a column name')];
  while (s.acceptSymbol(',')) names.push(s.expectName('a column name'));
  return names;
}

function parseRenames(s: TokenStream): Array<{ to: NameRef; from: NameRef }> {
  const renames: Array<{ to: NameRef; from: NameRef }> = [];
  do {
    const to = s.expectName('a new column name');
    s.expectSymbol('=');
    renames.push({ to, from: s.expectName('an existing column name') });
  } while (s.acceptSymbol(','));
  return renames;
}

/** A row count: a whole, non-negative number literal. */
function parseCount(s: TokenStream): number {
  const token = s.peek();
  const ok = token.kind === 'number' && !token.isReal && Number.isSafeInteger(token.value);
  if (!ok) throw s.fail('a row count (a whole number)');
  s.next();
  return token.value as number;
}

function parseSortKey(s: TokenStream): SortKey {
  const expr = parseExpression(s, 'a column name');
  let descending = true;
  if (s.acceptWord('asc')) descending = false;
  else s.acceptWord('desc');
  let nullsFirst = !descending;
  if (s.acceptWord('nulls')) {
    if (s.acceptWord('first')) nullsFirst = true;
    else if (s.acceptWord('last')) nullsFirst = false;
    else throw s.fail("'first' or 'last'");
  }
  return { expr, descending, nullsFirst };
}

function parseTop(s: TokenStream, pos: number): TabularOperator {
  const count = parseCount(s);
  s.expectWord('by');
  return { kind: 'top', pos, count, key: parseSortKey(s) };
}

function parseSort(s: TokenStream, pos: number): TabularOperator {
  s.expectWord('by');
  const keys = [parseSortKey(s)];
  while (s.acceptSymbol(',')) keys.push(parseSortKey(s));
  return { kind: 'sort', pos, keys };
}

function parseAggregate(s: TokenStream): AggregateItem {
  const item = parseNamedItem(s, 'an aggregation such as count() or dcount(DeviceId)');
  if (item.expr.kind !== 'call') {
    throw s.fail('an aggregation such as count() or dcount(DeviceId)', s.tokenAt(item.expr.pos));
  }
  return item.name ? { name: item.name, call: item.expr } : { call: item.expr };
}

function parseSummarize(s: TokenStream, pos: number): TabularOperator {
  const aggregates: AggregateItem[] = [];
  if (!s.isWord('by')) {
    aggregates.push(parseAggregate(s));
    while (s.acceptSymbol(',')) aggregates.push(parseAggregate(s));
  }
  const groups = s.acceptWord('by') ? parseNamedList(s, 'a column name') : [];
  return { kind: 'summarize', pos, aggregates, groups };
}
