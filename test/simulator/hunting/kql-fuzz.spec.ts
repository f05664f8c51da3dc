import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KqlError } from '../../../src/simulator/hunting/kql-error';
import { runKql } from '../../../src/simulator/hunting/kql-evaluator';
import { parseKql } from '../../../src/simulator/hunting/kql-parser';
import { CATALOG, NOW } from './kql-test-table';

/** Pieces of KQL (and of near-KQL), so random sequences get deep into the parser and evaluator. */
const PIECES = [
  'Events',
  'Foo',
  '|',
  '|',
  'where',
  'project',
  'project-away',
  'project-rename',
  'extend',
  'take',
  'limit',
  'top',
  'sort',
  'order',
  'by',
  'asc',
  'desc',
  'nulls',
  'first',
  'summarize',
  'distinct',
  'count',
  'count()',
  'dcount(',
  'FileName',
  'DeviceName',
  'RemotePort',
  'Timestamp',
  'Score',
  'IsLocalAdmin',
  '==',
  '!=',
  '=~',
  '!~',
  '<',
  '<=',
  '>',
  '>=',
  '=',
  'and',
  'or',
  'not(',
  'contains',
  '!contains',
  'has',
  '!has',
  'startswith',
  'endswith',
  'in',
  '!in',
  'in~',
  'has_any',
  '(',
  ')',
  ',',
  '"x"',
  "'y'",
  '@"C:\\"',
  '"open',
  '1',
  '-1',
  '2.5',
  '1d',
  '2h',
  '30m',
  '10s',
  'ago(1h)',
  'now()',
  'datetime(2026-01-01)',
  'datetime(',
  'bin(Timestamp, 1h)',
  'strcat(',
  'tolower(',
  'toupper(',
  'isempty(',
  'isnotempty(',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '?',
  ';',
  'let',
  '*',
  'true',
  'false',
  '//',
  '\n',
];

/** Runs a query and returns the KqlError, if any; anything else thrown fails the property. */
function outcome(query: string): KqlError | undefined {
  try {
    runKql(query, CATALOG, { now: NOW, maxRows: 1000 });
    return undefined;
  } catch (error) {
    if (error instanceof KqlError) return error;
    throw new Error(`${JSON.stringify(query)} threw ${String(error)}`);
  }
}

describe('KQL parser and evaluator under random input', () => {
  it('should answer any text with a result or a KqlError at a position inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const error = outcome(text);
        if (error) {
          assert.ok(
            error.position >= 0 && error.position <= text.length,
            `position ${error.position} in ${text}`,
          );
          assert.match(error.message, /position \d+|exceeded the allowed result size/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('should answer sequences of KQL pieces with a result or a KqlError, quickly', () => {
    const started = Date.now();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.boolean(), (pieces, spaced) => {
        const query = pieces.join(spaced ? ' ' : '');
        const error = outcome(query);
        if (error) assert.ok(error.position >= 0 && error.position <= query.length);
      }),
      { numRuns: 3000 },
    );
    assert.ok(Date.now() - started < 15_000, 'the fuzzing took too long: a loop may not advance');
  });

  it('should parse every valid query that starts with a table into the same AST twice', () => {
    const valid = fc
      .array(
        fc.constantFrom(
          'where RemotePort > 1',
          'take 3',
          'project FileName, RemotePort',
          'sort by RemotePort asc',
        ),
        {
          maxLength: 5,
        },
      )
      .map((ops) => ['Events', ...ops].join(' | '));
    fc.assert(
      fc.property(valid, (query) => {
        assert.deepEqual(parseKql(query), parseKql(query));
        assert.equal(outcome(query), undefined);
      }),
      { numRuns: 200 },
    );
  });
});
