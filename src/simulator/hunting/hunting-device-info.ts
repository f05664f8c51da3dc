import type { HuntMachine } from './hunting-estate';
import { hashText, SeededRandom } from './hunting-random';
import { completeRow } from './hunting-row';
import { HUNTING_SCHEMAS } from './hunting-schemas';
import type { KqlRow } from './kql-types';

const DAY_MS = 86_400_000;

function snapshot(m: HuntMachine, time: number, day: number): KqlRow {
  const machine = m.machine;
  const rng = new SeededRandom(`${m.id}|day|${day}`);
  const loggedOn = m.isServer ? [] : [rng.pick(m.accounts)];
  return completeRow(HUNTING_SCHEMAS.DeviceInfo, {
    Timestamp: time,
    DeviceId: m.id,
    DeviceName: m.name,
    ClientVersion: `10.8760.${machine.osBuild ?? 19045}.${1000 + (hashText(m.id) % 3000)}`,
    PublicIP: machine.lastExternalIpAddress,
    OSArchitecture: machine.osArchitecture,
    OSPlatform: machine.osPlatform,
    OSBuild: machine.osBuild,
    OSVersion: machine.version,
    IsAzureADJoined: machine.isAadJoined,
    AadDeviceId: machine.aadDeviceId ?? '',
    LoggedOnUsers: JSON.stringify(
      loggedOn.map((a) => ({ UserName: a.name, DomainName: a.domain, Sid: a.sid })),
    ),
    MachineGroup: machine.rbacGroupName,
    OnboardingStatus: 'Onboarded',
    DeviceCategory: 'Endpoint',
    DeviceType: m.isServer ? 'Server' : 'Workstation',
    ExposureLevel: machine.exposureLevel,
    SensorHealthState: machine.healthStatus,
    ReportId: rng.int(1000, 2 ** 31),
  });
}

/** DeviceInfo: one snapshot per machine per day, at a time of day fixed by the machine's id. */
export function deviceInfoRows(machines: readonly HuntMachine[], fromMs: number, toMs: number): KqlRow[] {
  const rows: KqlRow[] = [];
  for (const m of machines) {
    const offset = hashText(`${m.id}|snapshot`) % DAY_MS;
    for (let day = Math.floor(fromMs / DAY_MS) - 1; day <= Math.floor(toMs / DAY_MS); day += 1) {
      const time = day * DAY_MS + offset;
      if (time >= Math.max(fromMs, m.activeFromMs) && time <= Math.min(toMs, m.activeUntilMs)) {
        rows.push(snapshot(m, time, day));
      }
    }
  }
  return rows.sort((a, b) => (a.Timestamp as number) - (b.Timestamp as number));
}
