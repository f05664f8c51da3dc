import assert from 'node:assert/strict';
import { SimHttpError } from '../../../src/simulator/http/sim-error';
import {
  applyODataQuery,
  type ODataSpec,
  odataCollection,
} from '../../../src/simulator/odata/apply-odata-query';

interface Item {
  id: string;
  severity: string;
  status: string;
  created: string;
  group: number | null;
  owner: string | null;
  tags: string[];
  title: string;
  user: { name: string } | null;
}

const spec: ODataSpec<Item> = {
  entityType: 'Thing',
  entitySet: 'Things',
  defaultOrderBy: 'created desc',
  expandable: ['evidence'],
  maxTop: 100,
  pageSize: 3,
  fields: {
    id: { type: 'string', filterable: true },
    severity: { type: 'enum', filterable: true, values: ['Informational', 'Low', 'Medium', 'High'] },
    status: { type: 'enum', filterable: true },
    created: { type: 'datetime', filterable: true },
    group: { type: 'number', filterable: true },
    owner: { type: 'string', filterable: true },
    tags: { type: 'stringArray', filterable: true },
    title: { type: 'string' },
    user: { type: 'object' },
    'user/name': { type: 'string', filterable: true, get: (item) => item.user?.name },
  },
};

const items: Item[] = [
  {
    id: 'a',
    severity: 'High',
    status: 'New',
    created: '2021-01-26T20:33:57.7220239Z',
    group: 1,
    owner: null,
    tags: ['tier0'],
    title: 'One',
    user: { name: 'alice' },
  },
  {
    id: 'b',
    severity: 'Low',
    status: 'Resolved',
    created: '2021-01-26T20:33:57.7220238Z',
    group: 2,
    owner: 'Bob@contoso.com',
    tags: [],
    title: "It's two",
    user: null,
  },
  {
    id: 'c',
    severity: 'Medium',
    status: 'InProgress',
    created: '2020-06-01T00:00:00Z',
    group: null,
    owner: 'carol@contoso.com',
    tags: ['x', 'Tier0'],
    title: 'Three',
    user: { name: 'carol' },
  },
  {
    id: 'd',
    severity: 'Informational',
    status: 'New',
    created: '2022-02-02T10:00:00.5Z',
    group: 2,
    owner: null,
    tags: ['web'],
    title: 'Four',
    user: null,
  },
];

function ids(query: string): string[] {
  return applyODataQuery(items, new URLSearchParams(query), spec).value.map((item) => item.id);
}

function odataFailure(query: string, message: RegExp): void {
  assert.throws(
    () => applyODataQuery(items, new URLSearchParams(query), spec),
    (error: unknown) =>
      error instanceof SimHttpError &&
      error.status === 400 &&
      error.code === 'ODataError' &&
      message.test(error.message),
  );
}

describe('applyODataQuery', () => {
  describe('$filter semantics', () => {
    const cases: Array<[string, string[]]> = [
      ["$filter=status eq 'New'", ['d', 'a']],
      ["$filter=status eq 'new'", ['d', 'a']],
      ["$filter=status ne 'New'", ['b', 'c']],
      ["$filter=severity ge 'Medium'", ['a', 'c']],
      ["$filter=severity lt 'medium'", ['d', 'b']],
      ['$filter=created gt 2021-01-26T20:33:57.7220238Z', ['d', 'a']],
      ['$filter=created ge 2021-01-26T20:33:57.7220238Z', ['d', 'a', 'b']],
      ["$filter=created lt '2021-01-01T00:00:00Z'", ['c']],
      ['$filter=created le 2020-06-01', ['c']],
      ['$filter=created gt 2020-06-01T02:00:00%2B03:00&$top=10', ['d', 'a', 'b', 'c']],
      ['$filter=created gt 2020-06-01T00:00:00-01:00', ['d', 'a', 'b']],
      ['$filter=group eq 2', ['d', 'b']],
      ['$filter=group ge 2', ['d', 'b']],
      ['$filter=group eq null', ['c']],
      ['$filter=group ne null', ['d', 'a', 'b']],
      ['$filter=owner eq null', ['d', 'a']],
      ["$filter=owner eq 'BOB@CONTOSO.COM'", ['b']],
      ["$filter=startswith(owner,'car')", ['c']],
      ["$filter=contains(id,'b') or endswith(owner, 'contoso.com')", ['b', 'c']],
      ["$filter=tags/any(t: t eq 'TIER0')", ['a', 'c']],
      ["$filter=tags/all(t: t ne 'web')", ['a', 'b', 'c']],
      ['$filter=tags/any()', ['d', 'a', 'c']],
      ["$filter=not (status eq 'New') and group eq 2", ['b']],
      ["$filter=(status eq 'New' or status eq 'Resolved') and severity ne 'High'", ['d', 'b']],
      ["$filter=status in ('InProgress','Resolved')", ['b', 'c']],
      ["$filter=user/name eq 'alice'", ['a']],
      ["$filter=id eq 'it''s'", []],
    ];
    for (const [query, expected] of cases) {
      it(`${query} → ${expected.join(',') || 'nothing'}`, () => {
        assert.deepEqual(ids(query), expected);
      });
    }
  });

  describe('$filter errors', () => {
    const cases: Array<[string, RegExp]> = [
      ['$filter=foo eq 1', /Could not find a property named 'foo' on type 'Thing'/],
      ["$filter=title eq 'One'", /The property 'title' cannot be used in the \$filter query option/],
      ["$filter=user eq 'x'", /The property 'user' cannot be used/],
      [
        "$filter=severity eq 'Critical'",
        /'Critical' is not a valid enumeration constant.*Informational, Low, Medium, High/,
      ],
      ["$filter=group eq 'two'", /incompatible types.*Edm.Int64.*Edm.String/],
      ["$filter=created ge 'yesterday'", /'yesterday' is not a valid Edm.DateTimeOffset/],
      ['$filter=created ge 2021-02-30T00:00:00Z', /not a valid Edm.DateTimeOffset/],
      ["$filter=tags eq 'x'", /collection cannot be compared/],
      ["$filter=status/any(s: s eq 'x')", /not a collection/],
      ["$filter=frobnicate(id, 'x')", /unknown function with name 'frobnicate'/],
      ['$filter=startswith(id)', /takes 2 argument/],
      ['$filter=startswith(group, 1)', /takes Edm.String arguments/],
      ["$filter=status eq 'New' and", /Syntax error at position/],
      ['$filter=group', /must evaluate to an Edm.Boolean/],
    ];
    for (const [query, message] of cases) {
      it(`${query} → 400`, () => odataFailure(query, message));
    }

    it('should check the filter even when there are no items', () => {
      assert.throws(() => applyODataQuery([], new URLSearchParams('$filter=foo eq 1'), spec), SimHttpError);
    });
  });

  describe('paging, order, count, select, expand', () => {
    it('should order by the default order, then by $orderby with several keys', () => {
      assert.deepEqual(ids('$top=10'), ['d', 'a', 'b', 'c']);
      assert.deepEqual(ids('$orderby=group desc, id&$top=10'), ['b', 'd', 'a', 'c']);
      assert.deepEqual(ids('$orderby=severity&$top=10'), ['d', 'b', 'c', 'a']);
      assert.deepEqual(ids('$orderby=group asc&$top=10'), ['c', 'a', 'b', 'd']);
    });

    it('should apply $skip and $top after the order', () => {
      assert.deepEqual(ids('$skip=1&$top=2'), ['a', 'b']);
      assert.deepEqual(ids('$skip=10'), []);
    });

    it('should send @odata.nextLink only without $top and when more than a page remains', () => {
      const query = new URLSearchParams("$filter=id ne 'zz'");
      const first = applyODataQuery(items, query, spec, { linkBase: 'http://sim/api/things' });
      assert.deepEqual(
        first.value.map((i) => i.id),
        ['d', 'a', 'b'],
      );
      const next = new URL(first.nextLink ?? '');
      assert.equal(next.origin + next.pathname, 'http://sim/api/things');
      assert.equal(next.searchParams.get('$skip'), '3');
      assert.equal(next.searchParams.get('$filter'), "id ne 'zz'");
      const second = applyODataQuery(items, next.searchParams, spec);
      assert.deepEqual(
        second.value.map((i) => i.id),
        ['c'],
      );
      assert.equal(second.nextLink, undefined);
      assert.equal(applyODataQuery(items, new URLSearchParams('$top=3'), spec).nextLink, undefined);
    });

    it('should count the matches before paging with $count=true', () => {
      const result = applyODataQuery(
        items,
        new URLSearchParams("$count=true&$top=1&$filter=status eq 'New'"),
        spec,
      );
      assert.equal(result.count, 2);
      assert.equal(result.value.length, 1);
      assert.equal(applyODataQuery(items, new URLSearchParams('$count=false'), spec).count, undefined);
    });

    it('should project $select and name it in the context', () => {
      const result = applyODataQuery(items, new URLSearchParams('$select=ID,title&$top=1'), spec);
      const body = odataCollection(result, spec);
      assert.equal(
        body['@odata.context'],
        'https://api.securitycenter.microsoft.com/api/$metadata#Things(id,title)',
      );
      assert.deepEqual(body.value, [{ id: 'd', title: 'Four' }]);
    });

    it('should report $expand names and write @odata.count before value', () => {
      const result = applyODataQuery(items, new URLSearchParams('$expand=Evidence&$count=true'), spec);
      assert.deepEqual(result.expand, ['evidence']);
      assert.deepEqual(Object.keys(odataCollection(result, spec)), [
        '@odata.context',
        '@odata.count',
        'value',
        '@odata.nextLink',
      ]);
    });

    const errors: Array<[string, RegExp]> = [
      ['$top=101', /The limit of '100' for Top query has been exceeded/],
      ['$top=0', /between 1 and 100/],
      ['$top=-1', /Invalid value '-1' for \$top/],
      ['$top=ten', /Invalid value 'ten' for \$top/],
      ['$skip=x', /Invalid value 'x' for \$skip/],
      ['$count=yes', /not a valid count option/],
      ['$select=nope', /Could not find a property named 'nope'/],
      ['$expand=machine', /'machine' on type 'Thing' is not a navigation property/],
      ['$orderby=nope desc', /Could not find a property named 'nope'/],
      ['$orderby=tags', /cannot be used in the \$orderby/],
      ['$orderby=id sideways', /Syntax error in \$orderby/],
      ['$search=x', /The query parameter '\$search' is not supported/],
      ['$top=1&$TOP=2', /specified more than once/],
    ];
    for (const [query, message] of errors) {
      it(`${query} → 400`, () => odataFailure(query, message));
    }

    it('should ignore query parameters without a $', () => {
      assert.deepEqual(ids('api-version=1.0&$top=10'), ['d', 'a', 'b', 'c']);
    });
  });
});
