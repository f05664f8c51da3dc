import assert from 'node:assert/strict';
import type { Alert } from '../../../src/domain/alerts/alert';
import { passesFilters, significantChanges } from '../../../src/domain/alerts/diff-alert';

const base: Alert = {
  id: 'da1',
  source: 'mde',
  title: 'Suspicious PowerShell command line',
  description: 'An encoded command ran.',
  severity: 'medium',
  status: 'new',
  category: 'Execution',
  detectionSource: 'WindowsDefenderAtp',
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  mitreTechniques: [],
  evidence: [{ entityType: 'Process', fileName: 'powershell.exe' }],
  comments: [],
};
const next = (changes: Partial<Alert>): Alert => ({
  ...base,
  updatedAt: '2026-03-02T09:05:00.000Z',
  ...changes,
});

describe('significantChanges', () => {
  it('should find nothing significant when only the update time or the description changed', () => {
    assert.deepEqual(significantChanges(base, next({ description: 'Reworded.' })), []);
  });

  it('should describe a status change', () => {
    assert.deepEqual(significantChanges(base, next({ status: 'inProgress' })), ['Status: New → In progress']);
  });

  it('should describe an assignment, a reassignment and an unassignment', () => {
    const amy = next({ assignedTo: 'amy@contoso.com' });
    assert.deepEqual(significantChanges(base, amy), ['Assigned to amy@contoso.com']);
    assert.deepEqual(significantChanges(amy, next({ assignedTo: 'bob@contoso.com' })), [
      'Reassigned from amy@contoso.com to bob@contoso.com',
    ]);
    assert.deepEqual(significantChanges(amy, next({})), ['Unassigned (was amy@contoso.com)']);
    assert.deepEqual(significantChanges(amy, next({ assignedTo: 'AMY@contoso.com' })), []);
  });

  it('should describe a classification with its determination', () => {
    const lines = significantChanges(
      base,
      next({ status: 'resolved', classification: 'truePositive', determination: 'SecurityTesting' }),
    );
    assert.deepEqual(lines, ['Status: New → Resolved', 'Classified as true positive (Security testing)']);
    assert.deepEqual(significantChanges(base, next({ determination: 'Malware' })), [
      'Determination: Malware',
    ]);
  });

  it('should say whether the severity was raised or lowered', () => {
    assert.deepEqual(significantChanges(base, next({ severity: 'high' })), [
      'Severity raised: Medium → High',
    ]);
    assert.deepEqual(significantChanges(base, next({ severity: 'low' })), ['Severity lowered: Medium → Low']);
  });

  it('should count new evidence but not removed evidence', () => {
    const more = next({ evidence: [...base.evidence, { entityType: 'Ip' }, { entityType: 'File' }] });
    assert.deepEqual(significantChanges(base, more), ['2 new pieces of evidence (3 in all)']);
    assert.deepEqual(significantChanges(more, next({})), []);
  });

  it('should quote a few new comments, cleaned and cut, and count many', () => {
    const comment = (text: string, minute: number) => ({
      text,
      createdBy: 'amy@contoso.com',
      createdAt: `2026-03-02T09:0${minute}:00.000Z`,
    });
    const one = next({ comments: [comment(`Looking into it \${x} [a](http://evil)`, 1)] });
    const [line] = significantChanges(base, one);
    assert.match(
      line ?? '',
      /^Comment by amy@contoso.com: “Looking into it \$\u200B\{x\} \[a\]\u200B\(http:\/\/evil\)”$/,
    );
    assert.equal(significantChanges(one, one).length, 0);
    const long = significantChanges(base, next({ comments: [comment('x'.repeat(5000), 1)] }))[0] ?? '';
    assert.ok(long.length < 300 && long.includes('…'));
    const many = next({ comments: [1, 2, 3, 4].map((m) => comment(`note ${m}`, m)) });
    assert.deepEqual(significantChanges(base, many), ['4 new comments']);
  });
});

describe('passesFilters', () => {
  const filters = { minSeverity: 'medium', statuses: ['new', 'inProgress'] } as const;

  it('should admit alerts at or above the minimum severity in a posted status', () => {
    assert.equal(passesFilters({ severity: 'medium', status: 'new' }, filters), true);
    assert.equal(passesFilters({ severity: 'high', status: 'inProgress' }, filters), true);
  });

  it('should refuse alerts below the minimum severity or in another status', () => {
    assert.equal(passesFilters({ severity: 'low', status: 'new' }, filters), false);
    assert.equal(passesFilters({ severity: 'high', status: 'resolved' }, filters), false);
    assert.equal(passesFilters({ severity: 'high', status: 'new' }, { ...filters, statuses: [] }), false);
  });
});
