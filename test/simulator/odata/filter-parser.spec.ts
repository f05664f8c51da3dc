import assert from 'node:assert/strict';
import { SimHttpError } from '../../../src/simulator/http/sim-error';
import { parseFilter } from '../../../src/simulator/odata/filter-parser';
import { tokenize } from '../../../src/simulator/odata/filter-tokenizer';

/** Writes a syntax tree back as a fully parenthesised text, so the table can say what was parsed. */
function show(node: ReturnType<typeof parseFilter>): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${show(node.left)} ${node.kind} ${show(node.right)})`;
    case 'not':
      return `(not ${show(node.operand)})`;
    case 'compare':
      return `(${show(node.left)} ${node.operator} ${show(node.right)})`;
    case 'in':
      return `(${show(node.left)} in [${node.items.map(show).join(', ')}])`;
    case 'name':
      return node.path;
    case 'call':
      return `${node.name}(${node.args.map(show).join(', ')})`;
    case 'lambda':
      return `${node.collection}/${node.quantifier}(${node.variable ?? ''}${node.body ? `: ${show(node.body)}` : ''})`;
    case 'literal': {
      const { literal } = node;
      if (literal.type === 'null') return 'null';
      if (literal.type === 'datetime') return `dt:${literal.text}`;
      if (literal.type === 'string') return `'${literal.value}'`;
      return `${literal.type}:${String(literal.value)}`;
    }
  }
}

describe('OData $filter parser', () => {
  const valid: Array<[string, string]> = [
    ["status eq 'New'", "(status eq 'New')"],
    ['lastUpdateTime ge 2019-11-22T00:00:00Z', '(lastUpdateTime ge dt:2019-11-22T00:00:00Z)'],
    ["lastUpdateTime ge '2019-11-22T00:00:00Z'", "(lastUpdateTime ge '2019-11-22T00:00:00Z')"],
    [
      'alertCreationTime gt 2021-01-26T20:33:57.7220239Z',
      '(alertCreationTime gt dt:2021-01-26T20:33:57.7220239Z)',
    ],
    ['lastSeen lt 2024-03-01', '(lastSeen lt dt:2024-03-01)'],
    ['rbacGroupId eq 5', '(rbacGroupId eq number:5)'],
    ['incidentId ne -12', '(incidentId ne number:-12)'],
    ['assignedTo eq null', '(assignedTo eq null)'],
    ['isAadJoined eq true', '(isAadJoined eq boolean:true)'],
    ["title eq 'it''s'", "(title eq 'it's')"],
    ["a eq 'x' and b eq 'y' or c eq 'z'", "(((a eq 'x') and (b eq 'y')) or (c eq 'z'))"],
    ["a eq 'x' or b eq 'y' and c eq 'z'", "((a eq 'x') or ((b eq 'y') and (c eq 'z')))"],
    ["(a eq 'x' or b eq 'y') and c eq 'z'", "(((a eq 'x') or (b eq 'y')) and (c eq 'z'))"],
    ["not status eq 'Resolved'", "(not (status eq 'Resolved'))"],
    ["not (status eq 'Resolved')", "(not (status eq 'Resolved'))"],
    ["startswith(computerDnsName,'dc')", "startswith(computerDnsName, 'dc')"],
    [
      "contains(title, 'mimikatz') and severity eq 'High'",
      "(contains(title, 'mimikatz') and (severity eq 'High'))",
    ],
    ["machineTags/any(t: t eq 'tier0')", "machineTags/any(t: (t eq 'tier0'))"],
    ["machineTags/all(tag:startswith(tag,'x'))", "machineTags/all(tag: startswith(tag, 'x'))"],
    ['machineTags/any()', 'machineTags/any()'],
    ["relatedUser/userName eq 'alice'", "(relatedUser/userName eq 'alice')"],
    ["status in ('New', 'InProgress')", "(status in ['New', 'InProgress'])"],
    ["Status EQ 'New' AND severity Eq 'High'", "((Status eq 'New') and (severity eq 'High'))"],
    [
      'aadDeviceId eq 80fe8ff8-2624-418e-9591-41f0491218f9',
      '(aadDeviceId eq guid:80fe8ff8-2624-418e-9591-41f0491218f9)',
    ],
    ["  status   eq   'New'  ", "(status eq 'New')"],
  ];
  for (const [text, expected] of valid) {
    it(`should parse ${text}`, () => {
      assert.equal(show(parseFilter(text)), expected);
    });
  }

  const malformed: Array<[string, RegExp]> = [
    ['', /empty/],
    ["status eq 'New", /position 10.*unterminated/],
    ['status eq', /position 9/],
    ["status 'New'", /position 7 in .*: expected an operator or the end of the expression, found 'New'/],
    ["status eq 'New' and", /position 19/],
    ["(status eq 'New'", /expected '\)'/],
    ["status eq 'New')", /position 15 in .*: expected an operator.*found '\)'/],
    ['status eq 2019-13', /not a valid literal/],
    ["status # 'New'", /unexpected character '#'/],
    ["startswith(title, 'a'", /expected ',' or '\)'/],
    ['machineTags/any(t t eq 1)', /expected ':'/],
    ['machineTags/all()', /all\(\) needs a lambda/],
    ["status eq 'a' eq 'b' eq", /position 14 in .*found 'eq'/],
    ['and', /expected a property, a literal or a function/],
  ];
  for (const [text, message] of malformed) {
    it(`should reject ${JSON.stringify(text)} with a 400 ODataError`, () => {
      assert.throws(
        () => parseFilter(text),
        (error: unknown) =>
          error instanceof SimHttpError &&
          error.status === 400 &&
          error.code === 'ODataError' &&
          message.test(error.message),
      );
    });
  }

  it('should give every token its position', () => {
    const tokens = tokenize("a eq 'b''c'");
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text, t.position]),
      [
        ['identifier', 'a', 0],
        ['identifier', 'eq', 2],
        ['string', "b'c", 5],
        ['end', '', 11],
      ],
    );
  });
});
