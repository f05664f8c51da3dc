import assert from 'node:assert/strict';
import { HuntingDataset, RETENTION_MS } from '../../../src/simulator/hunting/hunting-dataset';
import { readHuntEstate } from '../../../src/simulator/hunting/hunting-estate';
import { generateBucket } from '../../../src/simulator/hunting/hunting-event-store';
import { runKql } from '../../../src/simulator/hunting/kql-evaluator';
import type { KqlRow } from '../../../src/simulator/hunting/kql-types';
import type { SimState } from '../../../src/simulator/state/sim-state';
import { fixtureAlert, fixtureMachine, fixtureState, T0 } from './hunting-fixtures';

const HOUR = 3_600_000;
const DEVICE_TABLES = [
  'DeviceProcessEvents',
  'DeviceNetworkEvents',
  'DeviceLogonEvents',
  'DeviceInfo',
] as const;

function query(dataset: HuntingDataset, text: string, now = T0): readonly KqlRow[] {
  return runKql(text, dataset.at(now), { now }).rows;
}

const rowKey = (row: KqlRow) => `${row.DeviceId}|${row.Timestamp}|${row.ReportId}`;

describe('hunting dataset', () => {
  let state: SimState;
  let dataset: HuntingDataset;
  beforeEach(() => {
    state = fixtureState(25);
    dataset = new HuntingDataset({ state });
  });

  describe('device events', () => {
    it('should give the same rows at the same time, from a fresh dataset too', () => {
      const other = new HuntingDataset({ state: fixtureState(25) });
      for (const table of DEVICE_TABLES) {
        assert.deepEqual(query(other, table), query(dataset, table), table);
      }
    });

    it('should generate an hour of a machine from its id and the hour alone', () => {
      const [machine] = readHuntEstate(state);
      const bucket = Math.floor(T0 / HOUR) - 10;
      assert.deepEqual(generateBucket(machine!, bucket), generateBucket(machine!, bucket));
      const busy = [...Array(48).keys()].map((i) => generateBucket(machine!, bucket - i));
      assert.ok(new Set(busy.map((b) => JSON.stringify(b.process))).size > 10, 'hours should differ');
    });

    it('should keep earlier rows and add rows for new hours as the clock moves', () => {
      const later = T0 + 3 * HOUR;
      for (const table of ['DeviceProcessEvents', 'DeviceNetworkEvents', 'DeviceLogonEvents'] as const) {
        const before = query(dataset, table, T0).filter(
          (r) => (r.Timestamp as number) >= later - RETENTION_MS,
        );
        const after = query(dataset, table, later);
        const afterKeys = new Set(after.map(rowKey));
        assert.ok(
          before.every((r) => afterKeys.has(rowKey(r))),
          `${table}: a row from before disappeared`,
        );
        const added = after.filter((r) => (r.Timestamp as number) > T0);
        assert.ok(added.length > 0, `${table}: no rows after the clock moved`);
        assert.equal(after.length, before.length + added.length, table);
      }
    });

    it('should hold only the 30 days up to now, oldest first', () => {
      for (const table of DEVICE_TABLES) {
        const times = query(dataset, table).map((r) => r.Timestamp as number);
        assert.ok(times.length > 0, table);
        assert.ok(times[0]! >= T0 - RETENTION_MS, `${table} starts too early`);
        assert.ok(times[times.length - 1]! <= T0, `${table} reaches into the future`);
        assert.deepEqual(
          times,
          [...times].sort((a, b) => a - b),
          `${table} is not in time order`,
        );
      }
    });

    it('should keep volumes moderate: a few thousand rows per table for 25 machines', () => {
      const counts = Object.fromEntries(
        DEVICE_TABLES.map((t) => [t, query(dataset, `${t} | count`)[0]?.Count]),
      );
      assert.ok(
        (counts.DeviceProcessEvents as number) > 2000 && (counts.DeviceProcessEvents as number) < 15000,
        JSON.stringify(counts),
      );
      assert.ok(
        (counts.DeviceNetworkEvents as number) > 2000 && (counts.DeviceNetworkEvents as number) < 15000,
        JSON.stringify(counts),
      );
      assert.ok(
        (counts.DeviceLogonEvents as number) > 500 && (counts.DeviceLogonEvents as number) < 8000,
        JSON.stringify(counts),
      );
      assert.equal(counts.DeviceInfo, 25 * 30);
    });

    it('should reference only the estate machines, by id and DNS name', () => {
      const names = new Map([...state.machines.values()].map((m) => [m.id, m.computerDnsName.toLowerCase()]));
      for (const table of DEVICE_TABLES) {
        const pairs = query(dataset, `${table} | distinct DeviceId, DeviceName`);
        assert.equal(pairs.length, 25, table);
        for (const { DeviceId, DeviceName } of pairs)
          assert.equal(names.get(DeviceId as string), DeviceName, table);
      }
    });

    it("should attribute processes to the estate's users or SYSTEM", () => {
      const users = new Set([...state.users.keys(), 'system']);
      const accounts = query(dataset, 'DeviceProcessEvents | distinct AccountName').map(
        (r) => r.AccountName as string,
      );
      assert.ok(accounts.length > 3);
      assert.deepEqual(
        accounts.filter((a) => !users.has(a)),
        [],
      );
    });

    it('should hold hunt-worthy activity for the demo hunts to find', () => {
      const found = (text: string) => query(dataset, text).length;
      assert.ok(
        found(
          'DeviceProcessEvents | where FileName =~ "mimikatz.exe" and ProcessCommandLine has "sekurlsa::logonpasswords"',
        ) > 0,
      );
      assert.ok(
        found('DeviceProcessEvents | where FileName =~ "powershell.exe" and ProcessCommandLine has "-enc"') >
          0,
      );
      assert.ok(
        found('DeviceProcessEvents | where ProcessCommandLine contains "vssadmin delete shadows"') > 0,
      );
      assert.ok(found('DeviceNetworkEvents | where RemoteIP == "203.0.113.66" and RemotePort == 4444') > 0);
      const bursts = query(
        dataset,
        'DeviceLogonEvents | where ActionType == "LogonFailed" | summarize Failures = count() by DeviceName, RemoteIP, bin(Timestamp, 1h) | where Failures >= 10',
      );
      assert.ok(bursts.length > 0, 'no burst of failed logons');
      assert.ok(
        bursts.every((b) => b.RemoteIP === '192.0.2.44'),
        'only the attacker fails ten times an hour',
      );
    });

    it("should start a new machine's events at its firstSeen and pick it up without a restart", () => {
      query(dataset, 'DeviceProcessEvents | count');
      const fresh = fixtureMachine(99, { firstSeen: new Date(T0 - 6 * HOUR).toISOString() });
      state.addMachine(fresh);
      const rows = query(dataset, `DeviceNetworkEvents | where DeviceId == "${fresh.id}"`, T0 + 24 * HOUR);
      assert.ok(rows.length > 0);
      assert.ok(rows.every((r) => (r.Timestamp as number) >= T0 - 6 * HOUR));
    });

    it('should give nothing for a machine not onboarded, and nothing after lastSeen for an inactive one', () => {
      const kiosk = fixtureMachine(97, { onboardingStatus: 'CanBeOnboarded' });
      const lastSeen = T0 - 5 * 86_400_000;
      const gone = fixtureMachine(98, {
        healthStatus: 'Inactive',
        lastSeen: new Date(lastSeen).toISOString(),
      });
      state.addMachine(kiosk);
      state.addMachine(gone);
      assert.equal(query(dataset, `DeviceProcessEvents | where DeviceId == "${kiosk.id}"`).length, 0);
      const times = query(dataset, `DeviceProcessEvents | where DeviceId == "${gone.id}"`).map(
        (r) => r.Timestamp as number,
      );
      assert.ok(times.length > 0);
      assert.ok(times.every((t) => t <= lastSeen));
    });

    it('should write Linux and macOS events with their own programs and paths', () => {
      state.addMachine(
        fixtureMachine(96, { osPlatform: 'Linux', computerDnsName: 'web-07.hunt.contoso.com' }),
      );
      const rows = query(dataset, 'DeviceProcessEvents | where DeviceName == "web-07.hunt.contoso.com"');
      assert.ok(rows.length > 0);
      assert.ok(
        rows.every((r) => (r.FolderPath as string).startsWith('/')),
        'Linux paths start with /',
      );
      assert.ok(rows.every((r) => !(r.FileName as string).endsWith('.exe')));
    });

    it('should serve a repeated query from its cache, sharing the generated rows', () => {
      const first = query(dataset, 'DeviceProcessEvents');
      const second = query(dataset, 'DeviceProcessEvents', T0 + 60_000);
      assert.ok(first.length > 0);
      assert.equal(second[second.length - 1 - (second.length - first.length)], first[first.length - 1]);
    });
  });

  describe('alert tables', () => {
    it('should list the live alerts in AlertInfo with the hunting column values', () => {
      state.alerts.set('da1', fixtureAlert('da1', T0 - HOUR));
      const [row] = query(dataset, 'AlertInfo');
      assert.deepEqual(
        { ...row },
        {
          Timestamp: T0 - HOUR,
          AlertId: 'da1',
          Title: 'Mimikatz credential theft tool',
          Category: 'CredentialAccess',
          Severity: 'High',
          ServiceSource: 'Microsoft Defender for Endpoint',
          DetectionSource: 'EDR',
          AttackTechniques: '["LSASS Memory (T1003.001)","T9999"]',
        },
      );
      state.alerts.set(
        'da2',
        fixtureAlert('da2', T0 - 2 * HOUR, { detectionSource: 'WindowsDefenderAv', mitreTechniques: [] }),
      );
      state.alerts.set('old', fixtureAlert('old', T0 - 31 * 86_400_000));
      const rows = query(dataset, 'AlertInfo | project AlertId, DetectionSource, AttackTechniques');
      assert.deepEqual(
        rows.map((r) => [r.AlertId, r.DetectionSource, r.AttackTechniques]),
        [
          ['da2', 'Antivirus', ''],
          ['da1', 'EDR', '["LSASS Memory (T1003.001)","T9999"]'],
        ],
      );
    });

    it('should list the machine, user and evidence of each alert in AlertEvidence', () => {
      state.alerts.set('da1', fixtureAlert('da1', T0 - HOUR));
      const rows = query(
        dataset,
        'AlertEvidence | project EntityType, EvidenceRole, DeviceName, AccountName, FileName, RemoteIP',
      );
      assert.deepEqual(
        rows.map((r) => [r.EntityType, r.EvidenceRole, r.DeviceName, r.AccountName, r.FileName, r.RemoteIP]),
        [
          ['Machine', 'Impacted', 'ws-002.hunt.contoso.com', '', '', ''],
          ['User', 'Impacted', '', 'bob', '', ''],
          ['File', 'Related', 'ws-002.hunt.contoso.com', '', 'mimikatz.exe', ''],
          ['Ip', 'Related', 'ws-002.hunt.contoso.com', '', '', '203.0.113.66'],
        ],
      );
    });
  });
});
