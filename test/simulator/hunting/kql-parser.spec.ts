import assert from 'node:assert/strict';
import type { KqlExpr, TabularOperator } from '../../../src/simulator/hunting/kql-ast';
import { KqlError } from '../../../src/simulator/hunting/kql-error';
import { parseKql } from '../../../src/simulator/hunting/kql-parser';

function parseError(text: string): KqlError {
  try {
    parseKql(text);
  } catch (error) {
    assert.ok(error instanceof KqlError, `expected a KqlError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(text)} not to parse`);
}

const ops = (text: string) => parseKql(text).operators.map((op) => op.kind);

function only<K extends TabularOperator['kind']>(
  text: string,
  kind: K,
): Extract<TabularOperator, { kind: K }> {
  const [op] = parseKql(text).operators;
  assert.equal(op?.kind, kind);
  return op as Extract<TabularOperator, { kind: K }>;
}

const predicate = (text: string): KqlExpr => only(`T | where ${text}`, 'where').predicate;

/** A compact rendering of an expression: `(and (== a "x") (> b 1))`. */
function show(expr: KqlExpr): string {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'string' ? JSON.stringify(expr.value) : String(expr.value);
    case 'column':
      return expr.name;
    case 'call':
      return `${expr.name}(${expr.args.map(show).join(', ')})`;
    case 'binary':
      return `(${expr.op} ${show(expr.left)} ${show(expr.right)})`;
    case 'list':
      return `(${expr.op} ${show(expr.left)} [${expr.items.map(show).join(', ')}])`;
    case 'unary':
      return `(- ${show(expr.operand)})`;
  }
}

describe('KQL parser', () => {
  describe('valid queries', () => {
    it('should read the table name and every supported operator in order', () => {
      const query = parseKql(
        'DeviceProcessEvents | where a == 1 | filter b | project a, c = b | project-away a | project-rename d = c' +
          ' | extend e = 1 | take 5 | limit 4 | top 3 by e | sort by e | order by e | summarize count() by e' +
          ' | distinct e | count',
      );
      assert.deepEqual(query.table, { name: 'DeviceProcessEvents', pos: 0 });
      assert.deepEqual(
        query.operators.map((op) => op.kind),
        [
          'where',
          'where',
          'project',
          'project-away',
          'project-rename',
          'extend',
          'take',
          'take',
          'top',
          'sort',
          'sort',
          'summarize',
          'distinct',
          'count',
        ],
      );
    });

    it('should accept a bare table and line breaks and comments between operators', () => {
      assert.deepEqual(ops('AlertInfo'), []);
      assert.deepEqual(ops('AlertInfo\n// newest first\n| top 5 by Timestamp\n| project Title'), [
        'top',
        'project',
      ]);
    });

    const expressions: Array<[string, string]> = [
      ['a == "x" and b > 1 or c', '(or (and (== a "x") (> b 1)) c)'],
      ['a or b and c', '(or a (and b c))'],
      ['(a or b) and c', '(and (or a b) c)'],
      ['not(a == 1)', 'not((== a 1))'],
      ['a =~ "X" and b !~ "y"', '(and (=~ a "X") (!~ b "y"))'],
      ['a contains "x" or a !contains "y"', '(or (contains a "x") (!contains a "y"))'],
      [
        'a has "x" and a startswith "y" and a endswith "z"',
        '(and (and (has a "x") (startswith a "y")) (endswith a "z"))',
      ],
      [
        'a !has "x" and a !startswith "y" and a !endswith "z"',
        '(and (and (!has a "x") (!startswith a "y")) (!endswith a "z"))',
      ],
      ['a in ("x", "y")', '(in a ["x", "y"])'],
      ['a !in (1, 2)', '(!in a [1, 2])'],
      ['a in~ ("X") and b !in~ ("y")', '(and (in~ a ["X"]) (!in~ b ["y"]))'],
      ['a has_any ("-enc", "-e")', '(has_any a ["-enc", "-e"])'],
      ['Timestamp > ago(1d)', '(> Timestamp ago(86400000))'],
      ['LastSeen == now()', '(== LastSeen now())'],
      ['Timestamp >= datetime(2026-01-01T00:00:00Z)', `(>= Timestamp ${Date.parse('2026-01-01T00:00:00Z')})`],
      ['a < -5 and b <= 2.5', '(and (< a -5) (<= b 2.5))'],
      ['a <> 1', '(!= a 1)'],
      ['a + b * 2 > c - 1', '(> (+ a (* b 2)) (- c 1))'],
      ['-a < 0', '(< (- a) 0)'],
      ['isnotempty(a) and isempty(b)', '(and isnotempty(a) isempty(b))'],
      ['strcat(a, "-", b) == "x-y"', '(== strcat(a, "-", b) "x-y")'],
      ['a == true', '(== a true)'],
    ];
    for (const [text, expected] of expressions) {
      it(`should read ${JSON.stringify(text)} as ${expected}`, () => {
        assert.equal(show(predicate(text)), expected);
      });
    }

    it('should record the offset of every node', () => {
      const expr = predicate('FileName =~ "x"');
      assert.equal(expr.pos, 19);
      assert.equal(expr.kind === 'binary' && expr.left.pos, 10);
      assert.equal(expr.kind === 'binary' && expr.right.pos, 22);
    });

    it('should name project and extend items when written, and leave others unnamed', () => {
      const project = only('T | project a, b = tolower(c), strlen(d)', 'project');
      assert.deepEqual(
        project.items.map((i) => i.name?.name),
        [undefined, 'b', undefined],
      );
      const extend = only('T | extend x = strcat(a, "y"), y = x', 'extend');
      assert.deepEqual(
        extend.items.map((i) => [i.name?.name, show(i.expr)]),
        [
          ['x', 'strcat(a, "y")'],
          ['y', 'x'],
        ],
      );
    });

    it('should read summarize aggregates and groups, named or not', () => {
      const op = only(
        'T | summarize n = count(), dcount(DeviceId) by DeviceName, bin(Timestamp, 1h)',
        'summarize',
      );
      assert.deepEqual(
        op.aggregates.map((a) => [a.name?.name, show(a.call)]),
        [
          ['n', 'count()'],
          [undefined, 'dcount(DeviceId)'],
        ],
      );
      assert.deepEqual(
        op.groups.map((g) => show(g.expr)),
        ['DeviceName', 'bin(Timestamp, 3600000)'],
      );
      assert.equal(only('T | summarize by a', 'summarize').aggregates.length, 0);
    });

    it('should default sort keys to descending with nulls last, and honour asc, desc and nulls', () => {
      const keys = only('T | sort by a, b asc, c desc nulls first, d asc nulls last', 'sort').keys;
      assert.deepEqual(
        keys.map((k) => [show(k.expr), k.descending, k.nullsFirst]),
        [
          ['a', true, false],
          ['b', false, true],
          ['c', true, true],
          ['d', false, false],
        ],
      );
      const top = only('T | top 10 by Timestamp asc', 'top');
      assert.equal(top.count, 10);
      assert.equal(top.key.descending, false);
    });

    it('should read distinct columns or a star, and take and limit counts', () => {
      const columns = only('T | distinct a, b', 'distinct').columns;
      assert.ok(columns !== '*');
      assert.deepEqual(
        columns.map((c) => c.name),
        ['a', 'b'],
      );
      assert.equal(only('T | distinct *', 'distinct').columns, '*');
      assert.equal(only('T | limit 0', 'take').count, 0);
    });
  });

  describe('malformed queries', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['', 0, /expected a table name but found end of query/],
      ['| take 1', 0, /expected a table name but found '\|'/],
      [
        'DeviceProcessEvents | summarize count() by |',
        43,
        /expected a column name after 'by' but found '\|'/,
      ],
      ['DeviceProcessEvents | where', 27, /expected a predicate after 'where' but found end of query/],
      ['DeviceProcessEvents | where | take 1', 28, /expected a predicate after 'where' but found '\|'/],
      [
        'DeviceProcessEvents | where FileName ==',
        39,
        /expected a value to compare with after '==' but found end of query/,
      ],
      [
        'DeviceProcessEvents | where FileName == "a" and',
        47,
        /expected an expression after 'and' but found end of query/,
      ],
      [
        'DeviceProcessEvents | take ten',
        27,
        /expected a row count \(a whole number\) after 'take' but found 'ten'/,
      ],
      [
        'DeviceProcessEvents | limit 1.5',
        28,
        /expected a row count \(a whole number\) after 'limit' but found '1.5'/,
      ],
      [
        'DeviceProcessEvents | take -1',
        27,
        /expected a row count \(a whole number\) after 'take' but found '-'/,
      ],
      ['DeviceProcessEvents | top 5 Timestamp', 28, /expected 'by' after '5' but found 'Timestamp'/],
      ['DeviceProcessEvents | sort Timestamp', 27, /expected 'by' after 'sort' but found 'Timestamp'/],
      [
        'DeviceProcessEvents | sort by Timestamp nulls middle',
        46,
        /expected 'first' or 'last' after 'nulls' but found 'middle'/,
      ],
      [
        'DeviceProcessEvents | project',
        29,
        /expected a column name or expression after 'project' but found end of query/,
      ],
      [
        'DeviceProcessEvents | project a,',
        32,
        /expected a column name or expression after ',' but found end of query/,
      ],
      [
        'DeviceProcessEvents | extend x =',
        32,
        /expected an expression for 'x' after '=' but found end of query/,
      ],
      [
        'DeviceProcessEvents | project-away',
        34,
        /expected a column name after 'project-away' but found end of query/,
      ],
      ['DeviceProcessEvents | project-rename a', 38, /expected '=' after 'a' but found end of query/],
      [
        'DeviceProcessEvents | where (FileName == "x"',
        44,
        /expected '\)' after '"x"' but found end of query/,
      ],
      [
        'DeviceProcessEvents | where FileName in ("a", "b"',
        49,
        /expected '\)' after '"b"' but found end of query/,
      ],
      ['DeviceProcessEvents | where FileName in "a"', 40, /expected '\(' after 'in' but found '"a"'/],
      [
        'DeviceProcessEvents | where not(',
        32,
        /expected a function argument after '\(' but found end of query/,
      ],
      ['DeviceProcessEvents | where strcat(a,)', 37, /expected a function argument after ',' but found '\)'/],
      [
        'DeviceProcessEvents | frobnicate',
        22,
        /expected a tabular operator \(where, filter, project, .*\) after '\|' but found 'frobnicate'/,
      ],
      ['DeviceProcessEvents | Where x', 22, /expected a tabular operator .* but found 'Where'/],
      [
        'DeviceProcessEvents | join (DeviceInfo) on DeviceId',
        22,
        /the operator 'join' is not supported by the simulator/,
      ],
      [
        'DeviceProcessEvents where x',
        20,
        /expected '\|' or end of query after 'DeviceProcessEvents' but found 'where'/,
      ],
      [
        'DeviceProcessEvents | where a == b == c',
        35,
        /expected '\|' or end of query after 'b' but found '=='/,
      ],
      [
        'DeviceProcessEvents | summarize',
        31,
        /expected an aggregation such as count\(\) or dcount\(DeviceId\) after 'summarize'/,
      ],
      [
        'DeviceProcessEvents | summarize DeviceName',
        32,
        /expected an aggregation such as count\(\) .* but found 'DeviceName'/,
      ],
      [
        'DeviceProcessEvents | summarize n = count() by',
        46,
        /expected a column name after 'by' but found end of query/,
      ],
      ['let x = 1; DeviceProcessEvents', 0, /'let' statements are not supported/],
      ['DeviceProcessEvents | where ago(1d', 34, /expected '\)' after '1d' but found end of query/],
    ];
    for (const [text, position, message] of cases) {
      it(`should reject ${JSON.stringify(text)} at position ${position}`, () => {
        const error = parseError(text);
        assert.equal(error.kind, 'syntax');
        assert.equal(error.position, position);
        assert.match(
          error.message,
          new RegExp(`^Syntax error at position ${position} \\(line 1, column ${position + 1}\\): `),
        );
        assert.match(error.message, message);
      });
    }

    it('should give the line and column of an error on a later line', () => {
      const error = parseError('DeviceProcessEvents\n| where\n| take 1');
      assert.equal(error.position, 28);
      assert.match(
        error.message,
        /^Syntax error at position 28 \(line 3, column 1\): expected a predicate after 'where' but found '\|'\.$/,
      );
    });

    it('should refuse absurdly deep nesting with a KqlError instead of overflowing the stack', () => {
      const error = parseError(`T | where ${'('.repeat(5000)}a${')'.repeat(5000)}`);
      assert.match(error.message, /nested more than 64 deep/);
      const unary = parseError(`T | where a == ${'-'.repeat(5000)}1`);
      assert.match(unary.message, /nested more than 64 deep/);
    });
  });
});
