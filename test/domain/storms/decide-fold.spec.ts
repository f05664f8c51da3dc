import assert from 'node:assert/strict';
import { decideFold, type FoldGroup, titleKeyOf } from '../../../src/domain/storms/decide-fold';

const settings = { windowMs: 600_000, threshold: 3 };
const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 0, min)).toISOString();
const alert = (machineName: string | undefined, min: number, title = 'Suspicious PowerShell') => ({
  title,
  source: 'mde',
  createdAt: at(min),
  ...(machineName === undefined ? {} : { machineName }),
});
const group = (
  id: string,
  machines: string[],
  count: number,
  lastMin: number,
  title = 'Suspicious PowerShell',
): FoldGroup => ({
  id,
  titleKey: titleKeyOf({ title, source: 'mde' }),
  machineNames: machines,
  count,
  lastAlertAt: at(lastMin),
});

describe('decideFold', () => {
  it('should give the first alert of a title its own card', () => {
    assert.deepEqual(decideFold(alert('pc1', 0), [], settings), {
      kind: 'new',
      titleKey: 'mde:suspicious powershell',
    });
  });

  it('should fold the same title on the same machine within the window, whatever the case', () => {
    assert.deepEqual(decideFold(alert('PC1', 5), [group('g1', ['pc1'], 1, 0)], settings), {
      kind: 'fold',
      groupId: 'g1',
    });
  });

  it('should not fold once the window has passed', () => {
    assert.equal(decideFold(alert('pc1', 11), [group('g1', ['pc1'], 1, 0)], settings).kind, 'new');
  });

  it('should give other machines their own card until the threshold, then fold into the latest group', () => {
    assert.equal(decideFold(alert('pc2', 1), [group('g1', ['pc1'], 1, 0)], settings).kind, 'new');
    const groups = [group('g1', ['pc1'], 1, 0), group('g2', ['pc2'], 1, 1)];
    assert.deepEqual(decideFold(alert('pc3', 2), groups, settings), { kind: 'fold', groupId: 'g2' });
  });

  it('should send every alert of a storming title to its biggest card, even from a machine with its own', () => {
    const groups = [
      group('g1', ['pc1'], 2, 0),
      group('g2', ['pc2'], 1, 1),
      group('g3', ['pc3', 'pc4'], 40, 2),
    ];
    assert.deepEqual(decideFold(alert('pc1', 3), groups, settings), { kind: 'fold', groupId: 'g3' });
  });

  it('should keep different titles and sources apart', () => {
    assert.equal(
      decideFold(alert('pc1', 1, 'Other title'), [group('g1', ['pc1'], 5, 0)], settings).kind,
      'new',
    );
    const mcas = { ...alert('pc1', 1), source: 'mcas' };
    assert.equal(decideFold(mcas, [group('g1', ['pc1'], 5, 0)], settings).kind, 'new');
  });

  it('should fold machine-less alerts of a storming title once over the threshold', () => {
    assert.equal(decideFold(alert(undefined, 1), [group('g1', ['pc1'], 1, 0)], settings).kind, 'new');
    assert.equal(decideFold(alert(undefined, 1), [group('g1', ['pc1'], 2, 0)], settings).kind, 'fold');
  });
});
