import assert from 'node:assert/strict';
import { ALERT_TEMPLATES } from '../../../src/simulator/estate/alert-templates';
import { buildEstate } from '../../../src/simulator/estate/build-estate';
import { EVIDENCE_KEYS } from '../../../src/simulator/estate/mde-evidence';
import { toMdeTime } from '../../../src/simulator/estate/mde-time';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const MDE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

describe('the initial estate', () => {
  const estate = buildEstate(NOW);

  it('should have about 25 machines of mixed OS with 40-hex ids and unique names', () => {
    assert.equal(estate.machines.length, 25);
    for (const machine of estate.machines) assert.match(machine.id, /^[0-9a-f]{40}$/);
    assert.equal(new Set(estate.machines.map((m) => m.id)).size, 25);
    assert.equal(new Set(estate.machines.map((m) => m.computerDnsName.split('.')[0])).size, 25);
    const platforms = new Set(estate.machines.map((m) => m.osPlatform));
    for (const os of ['Windows10', 'Windows11', 'WindowsServer2019', 'WindowsServer2022', 'Linux', 'macOS']) {
      assert.ok(platforms.has(os), os);
    }
    assert.deepEqual(
      new Set(estate.machines.map((m) => m.riskScore)),
      new Set(['None', 'Informational', 'Low', 'Medium', 'High']),
    );
    assert.ok(new Set(estate.machines.map((m) => m.healthStatus)).size >= 3);
    assert.ok(estate.machines.some((m) => m.onboardingStatus !== 'onboarded'));
  });

  it('should have exactly two domain controllers tagged tier0', () => {
    const tier0 = estate.machines
      .filter((m) => m.machineTags.includes('tier0'))
      .map((m) => m.computerDnsName);
    assert.deepEqual(tier0, ['dc01.contoso.local', 'dc02.contoso.local']);
  });

  it('should keep every id across two builds at different times, and move times with now', () => {
    const later = buildEstate(NOW + 86_400_000);
    assert.deepEqual(
      later.machines.map((m) => m.id),
      estate.machines.map((m) => m.id),
    );
    assert.deepEqual(
      later.alerts.map((a) => a.id),
      estate.alerts.map((a) => a.id),
    );
    assert.deepEqual(
      later.users.map((u) => u.user.id),
      estate.users.map((u) => u.user.id),
    );
    assert.notEqual(later.alerts[0]?.alertCreationTime, estate.alerts[0]?.alertCreationTime);
  });

  it('should map about 10 users to 1–3 existing machines each', () => {
    assert.equal(estate.users.length, 10);
    const machineIds = new Set(estate.machines.map((m) => m.id));
    for (const { user, machineIds: ids } of estate.users) {
      assert.equal(user.id, `contoso\\${user.accountName}`);
      assert.equal(user.accountDomain, 'contoso');
      assert.match(user.accountSid, /^S-1-5-21-\d+-\d+-\d+-\d+$/);
      assert.ok(ids.length >= 1 && ids.length <= 3, user.accountName);
      for (const id of ids) assert.ok(machineIds.has(id));
      assert.equal(user.mostPrevalentMachineId, ids[0]);
      assert.equal(user.logOnMachinesCount, ids.length);
    }
  });

  it('should have 6–8 open alerts of varied severity and category, newest first', () => {
    const { alerts } = estate;
    assert.ok(alerts.length >= 6 && alerts.length <= 8);
    assert.ok(alerts.every((a) => a.status === 'New' || a.status === 'InProgress'));
    assert.ok(new Set(alerts.map((a) => a.severity)).size >= 4);
    assert.ok(new Set(alerts.map((a) => a.category)).size >= 5);
    assert.ok(alerts.some((a) => a.category === 'Ransomware' && a.severity === 'High'));
    assert.ok(alerts.some((a) => a.category === 'CredentialAccess' && /mimikatz/i.test(a.title)));
    const created = alerts.map((a) => a.alertCreationTime);
    assert.deepEqual(created, [...created].sort().reverse());
  });

  it('should write alerts as MDE does: ids, times, machine, user, techniques', () => {
    const machines = new Map(estate.machines.map((m) => [m.id, m]));
    for (const alert of estate.alerts) {
      assert.match(alert.id, /^da637\d{15}_\d+$/);
      for (const time of [
        alert.alertCreationTime,
        alert.lastUpdateTime,
        alert.firstEventTime,
        alert.lastEventTime,
      ]) {
        assert.match(time ?? '', MDE_TIME);
      }
      const machine = machines.get(alert.machineId ?? '');
      assert.ok(machine, alert.title);
      assert.equal(alert.computerDnsName, machine.computerDnsName);
      assert.equal(alert.rbacGroupName, machine.rbacGroupName);
      assert.ok(alert.relatedUser);
      assert.ok(alert.detectionSource);
      assert.ok(alert.description.length > 40);
      assert.ok(!alert.description.includes('{'), alert.description);
    }
    assert.ok(estate.alerts.some((a) => a.mitreTechniques.length > 0));
  });

  it('should give every evidence item every key, null when unused', () => {
    for (const alert of estate.alerts) {
      assert.ok(alert.evidence.length > 0);
      for (const item of alert.evidence) {
        assert.deepEqual(Object.keys(item).sort(), [...EVIDENCE_KEYS].sort());
        assert.ok(Object.values(item).every((value) => value !== undefined));
      }
    }
    const ransomware = estate.alerts.find((a) => a.category === 'Ransomware');
    const user = ransomware?.evidence.find((e) => e.entityType === 'User');
    assert.equal(user?.userPrincipalName, 'alice@contoso.com');
    assert.equal(user?.sha1, null);
  });

  it('should have templates with unique keys', () => {
    assert.equal(new Set(ALERT_TEMPLATES.map((t) => t.key)).size, ALERT_TEMPLATES.length);
  });
});

describe('toMdeTime', () => {
  it('should write UTC with 7 fractional digits', () => {
    assert.equal(toMdeTime(Date.parse('2021-01-26T20:33:57.722Z'), 239), '2021-01-26T20:33:57.7220239Z');
    assert.match(toMdeTime(NOW), MDE_TIME);
    assert.equal(toMdeTime(NOW), toMdeTime(NOW));
  });
});
