import assert from 'node:assert/strict';
import type { AlertCardData } from '../../../src/domain/cards/alert-card-data';
import { toAlertCardData } from '../../../src/domain/cards/to-alert-card-data';
import { toStatusLine } from '../../../src/domain/cards/to-status-lines';
import { buildAlert, buildMachine, NOW_ISO } from './build-alert';

function factsOf(data: AlertCardData): Record<string, string> {
  return Object.fromEntries(data.facts.map((fact) => [fact.title, fact.value]));
}

describe('toAlertCardData', () => {
  it('should show the severity at a glance', () => {
    const look = (severity: 'high' | 'medium' | 'low' | 'informational') =>
      toAlertCardData(buildAlert({ severity }), { nowIso: NOW_ISO }).severity;
    assert.deepEqual(look('high'), { label: '🔴 High', style: 'attention', color: 'attention' });
    assert.deepEqual(look('medium'), { label: '🟠 Medium', style: 'warning', color: 'warning' });
    assert.equal(look('low').label, '🔵 Low');
    assert.equal(look('informational').style, 'emphasis');
  });

  it('should carry the title, the source and the status in the header', () => {
    const data = toAlertCardData(buildAlert({ status: 'inProgress' }), { nowIso: NOW_ISO });
    assert.equal(data.title, 'Ransomware behavior detected in the file system');
    assert.equal(data.headline, 'Defender for Endpoint · In progress');
    assert.equal(data.alertId, 'da637472900382838869_1364969609');
  });

  it('should list machine, user, category, MITRE, detection source and times as facts', () => {
    const data = toAlertCardData(buildAlert(), { machine: buildMachine(), nowIso: NOW_ISO });
    assert.deepEqual(factsOf(data), {
      Machine: 'ws-042.contoso.com',
      OS: 'Windows11 (22H2)',
      Risk: 'High risk · Medium exposure',
      Tags: 'finance, tier1',
      User: 'CONTOSO\\amy (amy@contoso.com)',
      Category: 'Ransomware',
      'MITRE ATT&CK': 'T1486, T1490',
      'Detection source': 'EDR',
      Created: '26 Jan 2021 20:33 UTC (12 min ago)',
      Activity: '26 Jan 2021 20:31 – 20:33 UTC',
      Status: 'New',
    });
  });

  it('should word machine levels of none and unknown plainly', () => {
    const data = toAlertCardData(buildAlert(), {
      machine: { ...buildMachine(), riskScore: 'none', exposureLevel: 'unknown' },
      nowIso: NOW_ISO,
    });
    assert.equal(data.facts.find((f) => f.title === 'Risk')?.value, 'No risk · Exposure unknown');
  });

  it('should name only the machine when Defender has no record of it', () => {
    const data = toAlertCardData(buildAlert(), { nowIso: NOW_ISO });
    assert.equal(factsOf(data).Machine, 'ws-042.contoso.com');
    assert.equal(factsOf(data).OS, undefined);
    assert.deepEqual(data.machine, {
      id: '4b1a0c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b',
      name: 'ws-042.contoso.com',
    });
  });

  it('should leave the machine out for an alert without one, so isolate and scan are hidden', () => {
    const data = toAlertCardData(buildAlert({ source: 'mcas', machine: undefined }), { nowIso: NOW_ISO });
    assert.equal('machine' in data, false);
    assert.equal(factsOf(data).Machine, undefined);
    assert.equal(data.headline, 'Defender for Cloud Apps · New');
  });

  it('should turn API names into words', () => {
    const data = toAlertCardData(
      buildAlert({
        category: 'CommandAndControl',
        status: 'resolved',
        classification: 'truePositive',
        determination: 'MultiStagedAttack',
      }),
      { nowIso: NOW_ISO },
    );
    assert.equal(factsOf(data).Category, 'Command and control');
    assert.equal(factsOf(data).Status, 'Resolved · True positive · Multi staged attack');
  });

  it('should hide Resolve once the alert is resolved', () => {
    assert.equal(toAlertCardData(buildAlert(), { nowIso: NOW_ISO }).resolvable, true);
    assert.equal(toAlertCardData(buildAlert({ status: 'resolved' }), { nowIso: NOW_ISO }).resolvable, false);
  });

  it('should show the top evidence, what ran first, and count the rest', () => {
    const evidence = [
      { entityType: 'Ip', ipAddress: '203.0.113.77' },
      ...Array.from({ length: 7 }, (_, index) => ({
        entityType: 'File',
        fileName: `f${index}.dll`,
        filePath: 'C:\\Temp',
      })),
      { entityType: 'Process', fileName: 'cmd.exe', processCommandLine: 'cmd /c whoami' },
    ];
    const data = toAlertCardData(buildAlert({ evidence }), { nowIso: NOW_ISO });
    assert.deepEqual(data.evidence[0], { label: 'Process · cmd.exe', detail: 'cmd /c whoami' });
    assert.equal(data.evidence.length, 5);
    assert.equal(data.evidenceNote, '…and 4 more evidence items in Defender');
  });

  it('should fold a storm into a counter and a cut list of machines', () => {
    const machines = Array.from(
      { length: 2000 },
      (_, index) => `ws-${String(index).padStart(4, '0')}.contoso.com`,
    );
    const fold = {
      count: 2000,
      machines,
      firstSeenAt: '2021-01-26T20:31:00Z',
      lastSeenAt: '2021-01-26T20:51:00Z',
    };
    const data = toAlertCardData(buildAlert(), { fold, nowIso: NOW_ISO });
    assert.equal(data.fold?.counter, '×2,000 similar alerts · 26 Jan 2021 20:31 – 20:51 UTC');
    assert.match(data.fold?.machines ?? '', /^On 2,000 machines: ws-0000\.contoso\.com, .* and \d+ more$/);
  });

  it("should link to the alert's own portal page, or build one from the portal's address", () => {
    const own = 'https://security.microsoft.com/alerts/da6374?tid=x';
    assert.equal(toAlertCardData(buildAlert({ portalUrl: own }), { nowIso: NOW_ISO }).portalUrl, own);
    assert.equal(
      toAlertCardData(buildAlert(), { nowIso: NOW_ISO, portalUrl: 'https://security.microsoft.us/' })
        .portalUrl,
      'https://security.microsoft.us/alerts/da637472900382838869_1364969609',
    );
  });

  it('should never link to something that is not an http(s) URL', () => {
    const data = toAlertCardData(buildAlert({ portalUrl: 'javascript:alert(1)' }), { nowIso: NOW_ISO });
    assert.equal(data.portalUrl, 'https://security.microsoft.com/alerts/da637472900382838869_1364969609');
  });

  it('should neutralize template markers and markdown links that come with the alert', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal adaptive-card template marker, on purpose
    const title = 'Run ${secret} [here](https://evil.example)';
    const data = toAlertCardData(buildAlert({ title }), {
      nowIso: NOW_ISO,
    });
    assert.equal(data.title.includes('${'), false);
    assert.equal(data.title.includes(']('), false);
  });

  it('should not be fooled by values that name an Object property', () => {
    const alert = buildAlert({ source: 'constructor' as never, severity: 'toString' as never });
    const data = toAlertCardData(alert, { nowIso: NOW_ISO });
    assert.equal(data.headline, 'constructor · New');
    assert.equal(data.severity.label, '⚪ Informational');
    assert.equal(toStatusLine({ text: 'x', tone: 'constructor' as never }).style, 'emphasis');
  });

  it('should be pure: the same input gives the same card data, the time coming only from nowIso', () => {
    const first = toAlertCardData(buildAlert(), { machine: buildMachine(), nowIso: NOW_ISO });
    const second = toAlertCardData(buildAlert(), { machine: buildMachine(), nowIso: NOW_ISO });
    assert.deepEqual(first, second);
    assert.equal(first.footer, 'Alert da637472900382838869_1364969609 · card updated 26 Jan 2021 20:45 UTC');
  });
});
