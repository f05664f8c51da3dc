import assert from 'node:assert/strict';
import { SimHttpError } from '../../../src/simulator/http/sim-error';
import { accountEntity } from '../../../src/simulator/mcas/account-entity';
import { compileMcasFilters, idsNamedBy } from '../../../src/simulator/mcas/mcas-filter';
import { DAY, HOUR, mcasFixtures, NOW } from './helpers/mcas-fixtures';

function run(filters: unknown): string[] {
  const matches = compileMcasFilters(filters, NOW);
  return mcasFixtures()
    .filter(matches)
    .map((alert) => alert._id);
}

const aliceId = accountEntity('alice', 11161).id;

describe('MCAS filter grammar', () => {
  const cases: Array<[string, unknown, string[]]> = [
    ['no filters', undefined, ['a1', 'a2', 'a3', 'a4', 'a5']],
    ['empty filters', {}, ['a1', 'a2', 'a3', 'a4', 'a5']],
    ['id eq a list', { id: { eq: ['a2', 'a4', 'zz'] } }, ['a2', 'a4']],
    ['id eq a single value', { id: { eq: 'a3' } }, ['a3']],
    ['id neq', { id: { neq: ['a1', 'a2'] } }, ['a3', 'a4', 'a5']],
    ['severity eq High', { severity: { eq: 2 } }, ['a1', 'a5']],
    ['severity eq a list', { severity: { eq: [0, 1] } }, ['a2', 'a3']],
    ['severity neq', { severity: { neq: [2] } }, ['a2', 'a3', 'a4']],
    ['severity given as a string number', { severity: { eq: ['1'] } }, ['a2']],
    ['severity gte', { severity: { gte: 1 } }, ['a1', 'a2', 'a4', 'a5']],
    ['resolutionStatus eq open', { resolutionStatus: { eq: 0 } }, ['a1', 'a2', 'a4', 'a5']],
    ['resolutionStatus eq false positive', { resolutionStatus: { eq: [3] } }, ['a3']],
    ['alertOpen true', { alertOpen: { eq: true } }, ['a1', 'a2', 'a4', 'a5']],
    ['alertOpen false', { alertOpen: { eq: false } }, ['a3']],
    ['read true', { read: { eq: true } }, ['a2']],
    ['read false', { read: { eq: 'false' } }, ['a1', 'a3', 'a4', 'a5']],
    ['date gte', { date: { gte: NOW - 2 * HOUR } }, ['a1', 'a2', 'a5']],
    ['date gt (exclusive)', { date: { gt: NOW - 2 * HOUR } }, ['a1', 'a5']],
    ['date lt', { date: { lt: NOW - DAY } }, ['a3', 'a4']],
    ['date lte and gte together', { date: { lte: NOW - HOUR, gte: NOW - 3 * DAY } }, ['a1', 'a2', 'a3']],
    [
      'date range (one of several)',
      {
        date: {
          range: [
            { start: NOW - 11 * DAY, end: NOW - 9 * DAY },
            { start: NOW - HOUR, end: NOW },
          ],
        },
      },
      ['a1', 'a4', 'a5'],
    ],
    ['date range with an open end', { date: { range: [{ start: NOW - 90 * 60_000 }] } }, ['a1', 'a5']],
    ['date gte_ndays', { date: { gte_ndays: 5 } }, ['a1', 'a2', 'a3', 'a5']],
    ['date lte_ndays', { date: { lte_ndays: 5 } }, ['a4']],
    ['resolutionDate isset', { resolutionDate: { isset: true } }, ['a3']],
    ['resolutionDate isnotset', { resolutionDate: { isnotset: true } }, ['a1', 'a2', 'a4', 'a5']],
    ['resolutionDate range', { resolutionDate: { range: [{ start: NOW - 2 * DAY, end: NOW }] } }, ['a3']],
    ['risk lt', { risk: { lt: 30 } }, ['a4']],
    ['alertType eq', { alertType: { eq: [15728641] } }, ['a1']],
    ['source eq built-in', { source: { eq: 'built-in' } }, ['a4']],
    ['source eq policy', { source: { eq: 'policy' } }, ['a1', 'a2', 'a3', 'a5']],
    ['title contains (any word, any case)', { title: { contains: ['TRAVEL', 'deletion'] } }, ['a1', 'a5']],
    ['title ncontains', { title: { ncontains: ['travel'] } }, ['a2', 'a3', 'a4', 'a5']],
    ['title startswith', { title: { startswith: 'mass' } }, ['a2']],
    ['title text', { title: { text: 'inbox' } }, ['a3']],
    [
      'entity.entity by primary key',
      { 'entity.entity': { eq: [{ id: aliceId, saas: 11161, inst: 0 }] } },
      ['a1', 'a4'],
    ],
    [
      'entity.entity by primary key, other instance',
      { 'entity.entity': { eq: [{ id: aliceId, inst: 1 }] } },
      [],
    ],
    ['entity.entity by UPN', { 'entity.entity': { eq: 'bob@contoso.com' } }, ['a2']],
    ['entity.entity neq', { 'entity.entity': { neq: ['alice@contoso.com'] } }, ['a2', 'a3', 'a5']],
    ['entity.service eq', { 'entity.service': { eq: [15600, 20892] } }, ['a2', 'a5']],
    ['entity.service neq', { 'entity.service': { neq: 11161 } }, ['a2', 'a3', 'a5']],
    ['entity.policy eq', { 'entity.policy': { eq: ['pol-file-deletion'] } }, ['a5']],
    ['entity.ip eq', { 'entity.ip': { eq: '203.0.113.9' } }, ['a5']],
    ['entity.ip isset', { 'entity.ip': { isset: true } }, ['a5']],
    ['entity.entity contains', { 'entity.entity': { contains: ['carol'] } }, ['a3']],
    ['entity.entity text', { 'entity.entity': { text: 'OneDrive' } }, ['a5']],
    [
      'several filters are ANDed',
      { alertOpen: { eq: true }, severity: { eq: [2] }, 'entity.entity': { eq: 'alice@contoso.com' } },
      ['a1'],
    ],
  ];

  for (const [name, filters, expected] of cases) {
    it(`should select by ${name}`, () => {
      assert.deepEqual(run(filters), expected);
    });
  }

  const errors: Array<[string, unknown, RegExp]> = [
    ['an unknown field', { colour: { eq: 'red' } }, /Unknown filter field "colour"/],
    ['an unknown operator', { severity: { like: 2 } }, /Operator "like" is not supported on "severity"/],
    [
      'an operator the field does not take',
      { alertOpen: { gt: 1 } },
      /Operator "gt" is not supported on "alertOpen"/,
    ],
    ['a severity out of range', { severity: { eq: [7] } }, /7 is not a valid value \(0 to 3\)/],
    [
      'a resolution status out of range',
      { resolutionStatus: { eq: 6 } },
      /6 is not a valid value \(0 to 5\)/,
    ],
    ['a severity name instead of a number', { severity: { eq: 'high' } }, /is not a number/],
    ['a non-boolean for alertOpen', { alertOpen: { eq: 'yes' } }, /is not true or false/],
    ['a range that is not {start,end}', { date: { range: [5] } }, /\{"start": <ms>, "end": <ms>\}/],
    ['an empty eq list', { id: { eq: [] } }, /at least one value/],
    ['filters that are not an object', ['severity'], /"filters" must be an object/],
    ['a field without operators', { severity: {} }, /must be an object of operators/],
    ['a field given a bare value', { severity: 2 }, /must be an object of operators/],
    ['an entity without id', { 'entity.entity': { eq: [{ saas: 11161 }] } }, /needs an "id"/],
    ['an empty text search', { title: { text: ' ' } }, /give the text/],
  ];

  for (const [name, filters, message] of errors) {
    it(`should refuse ${name} with a 400 naming the problem`, () => {
      assert.throws(
        () => compileMcasFilters(filters, NOW),
        (error: unknown) =>
          error instanceof SimHttpError && error.status === 400 && message.test(error.message),
      );
    });
  }

  it('should list the ids a filter names by id.eq', () => {
    assert.deepEqual(idsNamedBy({ id: { eq: ['x', 'y'] } }), ['x', 'y']);
    assert.deepEqual(idsNamedBy({ id: { eq: 'x' } }), ['x']);
    assert.deepEqual(idsNamedBy({ severity: { eq: 2 } }), []);
  });
});
