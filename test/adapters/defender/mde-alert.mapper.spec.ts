import assert from 'node:assert/strict';
import { mapMdeAlert } from '../../../src/adapters/defender/mde-alert.mapper';
import { mdeAlertSchema } from '../../../src/adapters/defender/mde-schemas';
import { mdeAlertWire } from './helpers/defender-fixtures';

const map = (overrides: Record<string, unknown> = {}) =>
  mapMdeAlert(mdeAlertSchema.parse(mdeAlertWire(overrides)));

describe('mapMdeAlert', () => {
  it('should map an MDE alert with evidence into the normalized Alert', () => {
    const alert = map();
    assert.equal(alert.id, 'da637472900382838869_1364969609');
    assert.equal(alert.source, 'mde');
    assert.equal(alert.severity, 'high');
    assert.equal(alert.status, 'new');
    assert.equal(alert.category, 'Execution');
    assert.equal(alert.detectionSource, 'WindowsDefenderAtp');
    assert.equal(alert.createdAt, '2021-01-26T20:33:57.722Z');
    assert.equal(alert.updatedAt, '2021-01-26T20:33:59.200Z');
    assert.equal(alert.firstEventAt, '2021-01-26T20:31:32.956Z');
    assert.deepEqual(alert.machine, {
      id: '111e6dd8c833c8a052ea231ec1b19adaf497b625',
      name: 'temp123.middleeast.corp.microsoft.com',
    });
    assert.deepEqual(alert.user, { name: 'temp123', domain: 'MIDDLEEAST', upn: 'temp123@microsoft.com' });
    assert.deepEqual(alert.mitreTechniques, ['T1064', 'T1085', 'T1220']);
    assert.equal(alert.incidentId, '1126093');
    assert.equal(alert.portalUrl, 'https://security.microsoft.com/alerts/da637472900382838869_1364969609');
    assert.deepEqual(alert.comments, [
      {
        text: 'test comment for docs',
        createdBy: 'secop123@contoso.com',
        createdAt: '2021-01-26T01:00:37.840Z',
      },
    ]);
  });

  it('should drop the null keys of every evidence item', () => {
    const [user, process] = map().evidence;
    assert.deepEqual(user, {
      entityType: 'User',
      accountName: 'temp123',
      domainName: 'MIDDLEEAST',
      userPrincipalName: 'temp123@microsoft.com',
    });
    assert.deepEqual(process, {
      entityType: 'Process',
      detectionStatus: 'Detected',
      sha1: 'ff836cfb1af40252bd2a2ea843032e99a5b262ed',
      sha256: 'a4efa2c9a0d8b0e0c4ba0a1d5e6c4d5fa4b6a5c7f1e3d2b4a6c8e0f2a4b6c8d0',
      fileName: 'rundll32.exe',
      filePath: 'C:\\Windows\\SysWOW64',
      processCommandLine: 'rundll32.exe  c:\\temp\\suspicious.dll,RepeatAfterMeNow',
    });
  });

  it('should map a resolved alert with camelCase classification', () => {
    const alert = map({
      status: 'Resolved',
      classification: 'InformationalExpectedActivity',
      determination: 'SecurityTesting',
      resolvedTime: '2021-01-27T08:00:00Z',
      assignedTo: 'secop2@contoso.com',
    });
    assert.equal(alert.status, 'resolved');
    assert.equal(alert.classification, 'informationalExpectedActivity');
    assert.equal(alert.determination, 'SecurityTesting');
    assert.equal(alert.resolvedAt, '2021-01-27T08:00:00.000Z');
    assert.equal(alert.assignedTo, 'secop2@contoso.com');
  });

  it('should read InProgress, Unknown status and UnSpecified severity', () => {
    assert.equal(map({ status: 'InProgress' }).status, 'inProgress');
    assert.equal(map({ status: 'Unknown' }).status, 'new');
    assert.equal(map({ severity: 'UnSpecified' }).severity, 'informational');
    assert.equal(map({ classification: 'Unknown' }).classification, undefined);
  });

  it('should leave out what the alert does not have', () => {
    const alert = map({
      machineId: null,
      computerDnsName: null,
      relatedUser: null,
      evidence: [],
      incidentId: null,
      firstEventTime: null,
    });
    assert.equal('machine' in alert, false);
    assert.equal('user' in alert, false);
    assert.equal('incidentId' in alert, false);
    assert.equal('firstEventAt' in alert, false);
    assert.deepEqual(alert.evidence, []);
  });
});
