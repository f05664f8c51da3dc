import assert from 'node:assert/strict';
import type { Alert } from '../../../src/domain/alerts/alert';
import { evaluateCondition } from '../../../src/domain/rules/evaluate-condition';
import { parseRule } from '../../../src/domain/rules/parse-rule';
import type { RuleContext } from '../../../src/domain/rules/rule-context';

const MDE: Alert = {
  id: 'da1',
  source: 'mde',
  title: 'Mimikatz credential theft tool',
  description: 'd',
  severity: 'medium',
  status: 'new',
  category: 'CredentialAccess',
  detectionSource: 'WindowsDefenderAv',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  machine: { id: 'm1', name: 'ws-042.contoso.com' },
  user: { name: 'alice', domain: 'CONTOSO', upn: 'alice@contoso.com' },
  mitreTechniques: ['T1003.001', 't1059'],
  evidence: [],
  comments: [],
};

const MCAS: Alert = {
  ...MDE,
  id: 'ca1',
  source: 'mcas',
  title: 'Impossible travel activity',
  severity: 'high',
  category: 'InitialAccess',
  detectionSource: 'MCAS',
  machine: undefined,
  mitreTechniques: [],
};

const CONTEXT: RuleContext = { machine: { name: 'ws-042.contoso.com', tags: ['Tier0', 'finance'] } };

/** Whether `condition` (as written in a rule) holds for the alert. */
function holds(condition: string, alert: Alert = MDE, context: RuleContext = CONTEXT): boolean {
  return evaluateCondition(parseRule(`r when ${condition} then notify channel`).condition, alert, context);
}

describe('evaluateCondition', () => {
  const table: readonly [string, boolean][] = [
    ['severity = medium', true],
    ['severity != medium', false],
    ['severity > low', true],
    ['severity > medium', false],
    ['severity >= medium', true],
    ['severity >= high', false],
    ['severity < high', true],
    ['severity < medium', false],
    ['severity <= medium', true],
    ['severity <= low', false],
    ['severity > informational', true],
    ['category = credentialaccess', true],
    ['category != CredentialAccess', false],
    ['category ~ credential', true],
    ['category ~ /^Cred/', true],
    ['title ~ "MIMIKATZ"', true],
    ['title ~ "credential dump"', false],
    ['title = "mimikatz credential theft tool"', true],
    ['title = mimikatz', false],
    ['title != mimikatz', true],
    ['title ~ /mimi(katz)?/', false],
    ['title ~ /mimi(katz)?/i', true],
    ['title ~ /^Mimikatz.*tool$/', true],
    ['source = mde', true],
    ['source = mcas', false],
    ['source != mcas', true],
    ['detectionSource = windowsdefenderav', true],
    ['detectionSource ~ defender', true],
    ['machine = ws-042', true],
    ['machine = WS-042.CONTOSO.COM', true],
    ['machine = ws-04', false],
    ['machine != ws-042', false],
    ['machine != dc01', true],
    ['machine = ws-*', true],
    ['machine = *.contoso.com', true],
    ['machine = ws-04?', true],
    ['machine = dc-*', false],
    ['machine != dc-*', true],
    ['machine ~ contoso', true],
    ['machine ~ /^ws-\\d+$/', true],
    ['machine.name = ws-042', true],
    ['machine.tag = tier0', true],
    ['machine.tag = "TIER0"', true],
    ['machine.tag = tier1', false],
    ['machine.tag != tier1', true],
    ['machine.tag != finance', false],
    ['user = alice', true],
    ['user = ALICE@contoso.com', true],
    ['user = bob', false],
    ['user != bob', true],
    ['user ~ contoso', true],
    ['user ~ /^al/', true],
    ['mitre = T1003', true],
    ['mitre = T1003.001', true],
    ['mitre = T1003.002', false],
    ['technique = T1059', true],
    ['mitre = T1059.001', false],
    ['mitre = T1005', false],
    ['mitre != T1566', true],
    ['mitre != T1003', false],
    ['status = new', true],
    ['status != new', false],
    ['status = inProgress', false],
    ['not severity = high', true],
    ['not not severity = high', false],
    ['severity = high or title ~ mimikatz and source = mde', true],
    ['severity = medium or source = mcas and title ~ nothing', true],
    ['(severity = medium or source = mcas) and title ~ nothing', false],
    ['not severity = medium and source = mde', false],
    ['not (severity = medium and source = mcas)', true],
    ['severity = low or severity = informational or severity = medium', true],
    ['severity >= low and severity <= high and source = mde', true],
  ];

  for (const [condition, expected] of table) {
    it(`should find ${condition} ${expected} of an MDE alert`, () => {
      assert.equal(holds(condition), expected);
    });
  }

  describe('on an MCAS alert without a machine', () => {
    const missing: readonly [string, boolean][] = [
      ['machine = ws-042', false],
      ['machine != ws-042', false],
      ['machine = *', false],
      ['machine != dc-*', false],
      ['machine ~ ws', false],
      ['machine ~ /./', false],
      ['machine.tag = tier0', false],
      ['machine.tag != tier0', false],
      ['not machine.tag = tier0', true],
      ['not machine = ws-*', true],
      ['source = mcas and severity = high', true],
      ['user = alice@contoso.com', true],
      ['mitre = T1059', false],
      ['mitre != T1059', true],
    ];
    for (const [condition, expected] of missing) {
      it(`should find ${condition} ${expected}`, () => {
        assert.equal(holds(condition, MCAS, {}), expected);
      });
    }
  });

  it('should take the machine name from the context when the alert has none', () => {
    assert.equal(holds('machine = ws-042', MCAS, CONTEXT), true);
  });

  it('should find tag conditions false when the context has no machine', () => {
    assert.equal(holds('machine.tag = tier0', MDE, {}), false);
    assert.equal(holds('machine.tag != tier0', MDE, {}), false);
  });

  it('should find user conditions false when the alert has no user', () => {
    const alert: Alert = { ...MDE, user: undefined };
    for (const condition of ['user = alice', 'user != alice', 'user ~ a', 'user ~ /a/']) {
      assert.equal(holds(condition, alert), false, condition);
    }
  });

  it('should find a severity condition false on an unknown severity', () => {
    const alert = { ...MDE, severity: 'critical' } as unknown as Alert;
    assert.equal(holds('severity >= informational', alert), false);
    assert.equal(holds('severity != high', alert), false);
  });

  it('should be false, not throw, on fields of the wrong type', () => {
    const alert = { ...MDE, title: 42, mitreTechniques: 'T1059', user: { name: null } } as unknown as Alert;
    assert.equal(holds('title ~ 4', alert), false);
    assert.equal(holds('mitre = T1059', alert), false);
    assert.equal(holds('user = alice', alert), false);
    assert.equal(
      holds('machine.tag = x', alert, { machine: { name: 'x', tags: 'x' } } as unknown as RuleContext),
      false,
    );
  });

  it('should be false, not throw, on a regex that does not compile', () => {
    assert.equal(
      evaluateCondition({ kind: 'regex', field: 'title', pattern: '(', flags: '' }, MDE, {}),
      false,
    );
  });

  it('should work without a context', () => {
    assert.equal(evaluateCondition({ kind: 'severity', op: '=', value: 'medium' }, MDE), true);
  });
});
