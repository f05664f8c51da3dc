import assert from 'node:assert/strict';
import { mapMcasAlert } from '../../../src/adapters/defender/mcas-alert.mapper';
import { mcasAlertSchema } from '../../../src/adapters/defender/mcas-schemas';
import { mcasAlertWire } from './helpers/defender-fixtures';

const map = (overrides: Record<string, unknown> = {}) =>
  mapMcasAlert(mcasAlertSchema.parse(mcasAlertWire(overrides)));

describe('mapMcasAlert', () => {
  it('should map an MCAS alert into the normalized Alert', () => {
    const alert = map();
    assert.equal(alert.id, '603f704aaf7417985bbf3b22');
    assert.equal(alert.source, 'mcas');
    assert.equal(alert.title, 'Impossible travel activity');
    assert.equal(alert.severity, 'high');
    assert.equal(alert.status, 'new');
    assert.equal(alert.category, 'ThreatDetection');
    assert.equal(alert.createdAt, '2024-05-01T10:00:00.000Z');
    assert.equal(alert.updatedAt, '2024-05-01T10:00:00.000Z');
    assert.deepEqual(alert.user, { name: 'alice', upn: 'alice@contoso.com' });
    assert.equal(
      alert.portalUrl,
      'https://contoso.portal.cloudappsecurity.com/#/alerts/603f704aaf7417985bbf3b22',
    );
    assert.equal('machine' in alert, false);
    assert.deepEqual(alert.comments, []);
  });

  it('should turn account and ip entities into evidence', () => {
    assert.deepEqual(map().evidence, [
      { entityType: 'User', accountName: 'alice', userPrincipalName: 'alice@contoso.com' },
      { entityType: 'Ip', ipAddress: '203.0.113.7' },
    ]);
  });

  it('should map severityValue 0 low, 1 medium, 2 high, 3 informational', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((severityValue) => map({ severityValue }).severity),
      ['low', 'medium', 'high', 'informational'],
    );
  });

  it('should map a closed alert to resolved with its classification, time and comment', () => {
    const alert = map({
      resolutionStatusValue: 3,
      resolveTime: 1714561200000,
      comment: 'Known VPN exit node',
      handledByUser: 'bob@contoso.com',
    });
    assert.equal(alert.status, 'resolved');
    assert.equal(alert.classification, 'falsePositive');
    assert.equal(alert.resolvedAt, '2024-05-01T11:00:00.000Z');
    assert.equal(alert.updatedAt, '2024-05-01T11:00:00.000Z');
    assert.deepEqual(alert.comments, [
      { text: 'Known VPN exit node', createdAt: '2024-05-01T11:00:00.000Z', createdBy: 'bob@contoso.com' },
    ]);
    assert.equal(
      map({ resolutionStatusValue: 4, resolveTime: 1 }).classification,
      'informationalExpectedActivity',
    );
    assert.equal(map({ resolutionStatusValue: 5, resolveTime: 1 }).classification, 'truePositive');
    assert.equal(map({ resolutionStatusValue: 1 }).status, 'resolved');
  });

  it('should have no user when no account entity names one', () => {
    assert.equal('user' in map({ entities: [{ type: 'service', id: 11161, label: 'Office 365' }] }), false);
  });
});
