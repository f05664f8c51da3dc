import assert from 'node:assert/strict';
import { isVigilError } from '../../../src/domain/errors/vigil-error';
import { parseRule } from '../../../src/domain/rules/parse-rule';
import { RuleParseError } from '../../../src/domain/rules/rule-parse-error';

/** A rule that must not parse: where it fails, what is found there, and words the message must hold. */
interface Malformed {
  readonly why: string;
  readonly text: string;
  readonly position: number;
  readonly found?: string;
  readonly says: readonly string[];
}

const H = 'x when severity = high then ';
const AT_ACTION = H.length;

const MALFORMED: readonly Malformed[] = [
  { why: 'empty input', text: '', position: 0, found: 'end of rule', says: ['Empty rule', '<name> when'] },
  { why: 'blank input', text: '   \n ', position: 5, found: 'end of rule', says: ['Empty rule'] },
  { why: 'only a name', text: 'ransomware', position: 10, found: 'end of rule', says: ['"when"'] },
  { why: 'only a quoted name', text: '"High sev"', position: 10, found: 'end of rule', says: ['"when"'] },
  {
    why: '`when` missing',
    text: 'ransomware severity = high then scan',
    position: 11,
    found: 'severity',
    says: ['"when"'],
  },
  {
    why: 'a name with spaces and no quotes',
    text: 'High sev isolate when severity = high then scan',
    position: 5,
    found: 'sev',
    says: ['"when"', 'quotes around a name'],
  },
  {
    why: 'a misspelt when',
    text: 'x whne severity = high then scan',
    position: 2,
    says: ['Did you mean "when"'],
  },
  {
    why: 'no name',
    text: 'when severity = high then scan',
    position: 0,
    found: 'when',
    says: ['a rule name'],
  },
  {
    why: 'an empty name',
    text: '"  " when severity = high then scan',
    position: 0,
    says: ['Empty rule name'],
  },
  {
    why: 'a name too long',
    text: `"${'n'.repeat(81)}" when severity = high then scan`,
    position: 0,
    says: ['too long', 'at most 80 characters'],
  },
  {
    why: 'an unterminated quote in the name',
    text: '"High sev when severity = high then scan',
    position: 0,
    found: 'end of rule',
    says: ['Unterminated quote', 'a closing "'],
  },
  {
    why: 'an unterminated quote in a value',
    text: 'x when title ~ "abc then scan',
    position: 15,
    says: ['Unterminated quote'],
  },
  {
    why: 'an unterminated smart quote',
    text: 'x when title ~ “abc then scan',
    position: 15,
    says: ['Unterminated quote', 'a closing ”'],
  },
  {
    why: 'the example: empty condition',
    text: '"High sev isolate" when then isolate full',
    position: 24,
    found: 'then',
    says: ['Unexpected "then" at character 24: expected a condition such as severity >= high.'],
  },
  {
    why: 'nothing after when',
    text: 'x when',
    position: 6,
    found: 'end of rule',
    says: ['Unexpected end of rule', 'a condition'],
  },
  {
    why: 'an unknown severity',
    text: 'x when severity = critical then scan',
    position: 18,
    found: 'critical',
    says: ['Unknown severity "critical"', 'informational, low, medium or high'],
  },
  {
    why: 'a misspelt severity',
    text: 'x when severity >= hihg then scan',
    position: 19,
    says: ['Did you mean "high"'],
  },
  {
    why: '~ on severity',
    text: 'x when severity ~ high then scan',
    position: 16,
    found: '~',
    says: ['Operator "~" does not apply to severity', '=, !=, <, <=, > or >='],
  },
  {
    why: '< on title',
    text: 'x when title < a then scan',
    position: 13,
    says: ['Operator "<" does not apply to title', '=, != or ~'],
  },
  {
    why: '~ on machine.tag',
    text: 'x when machine.tag ~ tier then scan',
    position: 19,
    says: ['does not apply to machine.tag', '= or !='],
  },
  {
    why: 'an unknown field, with a suggestion',
    text: 'x when severty = high then scan',
    position: 7,
    found: 'severty',
    says: ['Unknown field "severty"', 'a field: severity', 'Did you mean "severity"?'],
  },
  {
    why: 'a misspelt machine.tag',
    text: 'x when machine.tags = tier0 then scan',
    position: 7,
    says: ['Unknown field', 'Did you mean "machine.tag"?'],
  },
  {
    why: 'an operator missing',
    text: 'x when severity high then scan',
    position: 16,
    found: 'high',
    says: ['=, !=, <, <=, > or >='],
  },
  {
    why: 'a value missing',
    text: 'x when severity = then scan',
    position: 18,
    found: 'then',
    says: ['a severity: informational, low, medium or high'],
  },
  { why: 'an empty value', text: 'x when title = "" then scan', position: 15, says: ['Empty value'] },
  {
    why: 'a dangling and',
    text: 'x when severity = high and then scan',
    position: 27,
    found: 'then',
    says: ['a condition such as severity >= high'],
  },
  {
    why: 'a dangling or at the end',
    text: 'x when severity = high or',
    position: 25,
    found: 'end of rule',
    says: ['a condition'],
  },
  {
    why: 'a dangling not',
    text: 'x when not then scan',
    position: 11,
    found: 'then',
    says: ['a condition'],
  },
  {
    why: 'an unclosed parenthesis',
    text: 'x when (severity = high then scan',
    position: 24,
    found: 'then',
    says: ['")"'],
  },
  {
    why: 'an unclosed parenthesis at the end',
    text: 'x when (severity = high',
    position: 23,
    found: 'end of rule',
    says: ['Unbalanced "("', '")"'],
  },
  {
    why: 'a closing parenthesis too many',
    text: 'x when severity = high) then scan',
    position: 22,
    found: ')',
    says: ['Unbalanced ")"', '"then"'],
  },
  { why: 'empty parentheses', text: 'x when () then scan', position: 8, found: ')', says: ['a condition'] },
  {
    why: 'then missing',
    text: 'x when severity = high isolate',
    position: 23,
    found: 'isolate',
    says: ['"then"', '"and"'],
  },
  {
    why: 'a value with spaces and no quotes',
    text: 'x when category = Credential Access then scan',
    position: 29,
    found: 'Access',
    says: ['quotes around a value with spaces'],
  },
  {
    why: 'no action',
    text: 'x when severity = high then',
    position: 27,
    found: 'end of rule',
    says: ['an action: isolate'],
  },
  {
    why: 'an option but no action',
    text: `${H}stop`,
    position: AT_ACTION,
    found: 'stop',
    says: ['an action'],
  },
  {
    why: 'an unknown action',
    text: `${H}quarantine`,
    position: AT_ACTION,
    found: 'quarantine',
    says: ['Unknown action "quarantine"', 'an action: isolate'],
  },
  {
    why: 'a misspelt action',
    text: `${H}isolat full`,
    position: AT_ACTION,
    says: ['Unknown action', 'Did you mean "isolate"?'],
  },
  {
    why: 'scan slow',
    text: `${H}scan slow`,
    position: AT_ACTION + 5,
    found: 'slow',
    says: ['Unknown scan type "slow"', 'quick or full'],
  },
  {
    why: 'isolate partial',
    text: `${H}isolate partial`,
    position: AT_ACTION + 8,
    says: ['Unknown isolation type', 'full or selective'],
  },
  {
    why: 'resolve without as',
    text: `${H}resolve truepositive`,
    position: AT_ACTION + 8,
    says: ['"as"'],
  },
  {
    why: 'an unknown classification',
    text: `${H}resolve as maybe`,
    position: AT_ACTION + 11,
    says: ['truepositive, falsepositive or informational'],
  },
  {
    why: 'assign without an address',
    text: `${H}assign bob`,
    position: AT_ACTION + 7,
    found: 'bob',
    says: ['an address such as secops@contoso.com', '"me"'],
  },
  {
    why: 'notify nobody',
    text: `${H}notify`,
    position: AT_ACTION + 6,
    found: 'end of rule',
    says: ['"channel"', 'an address'],
  },
  {
    why: 'require without approval',
    text: `${H}require consent`,
    position: AT_ACTION + 8,
    says: ['"approval"'],
  },
  {
    why: 'on user machines after notify',
    text: `${H}notify channel on user machines`,
    position: AT_ACTION + 15,
    found: 'on',
    says: ['"on user machines" cannot follow notify', 'isolate, unisolate or scan'],
  },
  {
    why: 'on user machines after resolve',
    text: `${H}resolve as falsepositive on user machines`,
    position: AT_ACTION + 25,
    says: ['cannot follow resolve'],
  },
  {
    why: 'on user, not machines',
    text: `${H}scan on user`,
    position: AT_ACTION + 12,
    found: 'end of rule',
    says: ['"machines"'],
  },
  {
    why: 'a comma missing between actions',
    text: `${H}isolate full notify channel`,
    position: AT_ACTION + 13,
    found: 'notify',
    says: ['Missing ","', '","'],
  },
  {
    why: 'a trailing comma',
    text: `${H}scan,`,
    position: AT_ACTION + 5,
    found: 'end of rule',
    says: ['an action'],
  },
  {
    why: 'a duplicate action',
    text: `${H}scan quick, scan full`,
    position: AT_ACTION + 12,
    says: ['Duplicate action "scan"'],
  },
  {
    why: 'isolate and unisolate',
    text: `${H}isolate, unisolate`,
    position: AT_ACTION + 9,
    says: ['Both isolate and unisolate'],
  },
  {
    why: 'require approval with scan',
    text: `${H}require approval, scan`,
    position: AT_ACTION + 18,
    found: 'scan',
    says: ['"require approval" cannot go with scan', 'alone or with isolate'],
  },
  {
    why: 'for 7x',
    text: `${H}scan for 7x`,
    position: AT_ACTION + 9,
    found: '7x',
    says: ['Invalid duration "7x"', '7d, 12h or 30m'],
  },
  { why: 'for 0d', text: `${H}scan for 0d`, position: AT_ACTION + 9, says: ['Invalid duration'] },
  { why: 'for nothing', text: `${H}scan for`, position: AT_ACTION + 8, says: ['a duration'] },
  { why: 'for 400d', text: `${H}scan for 400d`, position: AT_ACTION + 9, says: ['too long', 'at most 365d'] },
  {
    why: 'order 0',
    text: `${H}scan order 0`,
    position: AT_ACTION + 11,
    found: '0',
    says: ['Invalid order "0"', 'a whole number from 1 to 9999'],
  },
  { why: 'order 10000', text: `${H}scan order 10000`, position: AT_ACTION + 11, says: ['1 to 9999'] },
  { why: 'order 1.5', text: `${H}scan order 1.5`, position: AT_ACTION + 11, says: ['1 to 9999'] },
  { why: 'order -1', text: `${H}scan order -1`, position: AT_ACTION + 11, says: ['1 to 9999'] },
  {
    why: 'a duplicate stop',
    text: `${H}scan stop stop`,
    position: AT_ACTION + 10,
    found: 'stop',
    says: ['Duplicate option "stop"', 'each option at most once'],
  },
  {
    why: 'a duplicate order',
    text: `${H}scan order 1 order 2`,
    position: AT_ACTION + 13,
    says: ['Duplicate option "order"'],
  },
  {
    why: 'dry-run twice, spelt two ways',
    text: `${H}scan dry-run dryrun`,
    position: AT_ACTION + 13,
    says: ['Duplicate option "dry-run"'],
  },
  {
    why: 'an unknown option',
    text: `${H}scan stopp`,
    position: AT_ACTION + 5,
    found: 'stopp',
    says: ['an option', 'Did you mean "stop"?'],
  },
  {
    why: 'a bad regex',
    text: 'x when title ~ /mimi(katz/ then scan',
    position: 15,
    found: '/mimi(katz/',
    says: ['Invalid regular expression', 'a valid regular expression'],
  },
  {
    why: 'a catastrophic regex',
    text: 'x when title ~ /(a+)+$/ then scan',
    position: 15,
    says: ['could run for ever', '(a+)+', 'without nested repetition'],
  },
  {
    why: 'a catastrophic alternation',
    text: 'x when title ~ /^(a|aa)*$/ then scan',
    position: 15,
    says: ['repeated group of alternatives'],
  },
  {
    why: 'a regex too long',
    text: `x when title ~ /${'a'.repeat(201)}/ then scan`,
    position: 15,
    says: ['too long', 'at most 200 characters'],
  },
  {
    why: 'an empty regex',
    text: 'x when title ~ // then scan',
    position: 15,
    says: ['Empty regular expression'],
  },
  {
    why: 'a global regex',
    text: 'x when title ~ /a/g then scan',
    position: 15,
    says: ['flag "g"', 'i, m, s or u'],
  },
  {
    why: 'an unterminated regex',
    text: 'x when title ~ /abc then scan',
    position: 15,
    found: 'end of rule',
    says: ['Unterminated regular expression', 'a closing /'],
  },
  {
    why: 'a regex on severity',
    text: 'x when severity ~ /high/ then scan',
    position: 16,
    says: ['does not apply to severity'],
  },
  { why: 'a lone !', text: 'x when title ! a then scan', position: 13, found: '!', says: ['"!="'] },
  {
    why: 'an unknown source',
    text: 'x when source = mdi then scan',
    position: 16,
    says: ['Unknown source "mdi"', 'mde or mcas'],
  },
  {
    why: 'an unknown status',
    text: 'x when status = closed then scan',
    position: 16,
    says: ['Unknown status', 'new, inProgress or resolved'],
  },
  {
    why: 'not a MITRE technique',
    text: 'x when mitre = 1059 then scan',
    position: 15,
    says: ['Not a MITRE technique', 'T1059'],
  },
  {
    why: 'nesting too deep',
    text: `x when ${'('.repeat(40)}severity = high${')'.repeat(40)} then scan`,
    position: 40,
    says: ['nested too deeply'],
  },
  {
    why: 'a rule too long',
    text: `x when title ~ "${'a'.repeat(2100)}" then scan`,
    position: 2000,
    says: ['too long'],
  },
];

function failure(text: string): RuleParseError {
  try {
    parseRule(text);
  } catch (error) {
    if (error instanceof RuleParseError) return error;
    throw error;
  }
  assert.fail(`parsed: ${text}`);
}

describe('parseRule on malformed rules', () => {
  it('should have at least 40 cases', () => {
    assert.ok(MALFORMED.length >= 40);
  });

  for (const { why, text, position, found, says } of MALFORMED) {
    it(`should reject ${why}`, () => {
      const error = failure(text);
      assert.equal(error.details.position, position, error.friendlyMessage);
      if (found !== undefined) assert.equal(error.details.found, found);
      for (const words of says) {
        assert.ok(
          error.friendlyMessage.includes(words),
          `${JSON.stringify(words)} not in ${error.friendlyMessage}`,
        );
      }
      assert.ok(Array.isArray(error.details.expected) && error.details.expected.length > 0);
      assert.ok(error.friendlyMessage.includes(`at character ${position}: expected `), error.friendlyMessage);
      assert.ok(error.friendlyMessage.length <= 300, `${error.friendlyMessage.length} characters`);
    });
  }

  it('should be a VigilError with code RULE.PARSE', () => {
    const error = failure('x when');
    assert.ok(isVigilError(error, 'RULE.PARSE'));
    assert.equal(error.name, 'RuleParseError');
    assert.equal(error.message, error.friendlyMessage);
  });

  it('should show the rule with a caret under the position', () => {
    const error = failure('"High sev isolate" when then isolate full');
    assert.equal(
      error.friendlyMessage,
      [
        'Unexpected "then" at character 24: expected a condition such as severity >= high.',
        '"High sev isolate" when then isolate full',
        `${' '.repeat(24)}^`,
      ].join('\n'),
    );
  });

  it('should show a window of a long rule, with the caret still under the token', () => {
    const text = `x when ${'title ~ abc and '.repeat(10)}severity = critical then scan`;
    const error = failure(text);
    const [, line, caret] = error.friendlyMessage.split('\n');
    assert.ok(line !== undefined && caret !== undefined);
    assert.ok(line.startsWith('…'));
    assert.equal(line.slice(caret.indexOf('^'), caret.indexOf('^') + 'critical'.length), 'critical');
  });

  it('should give the suggestion in the details', () => {
    assert.equal(failure('x when titel ~ a then scan').details.suggestion, 'title');
    assert.equal('suggestion' in failure('x when zzzzzz ~ a then scan').details, false);
  });
});
