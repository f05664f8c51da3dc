import type { MdeMachine } from '../model/mde-types';
import { guidFrom, hashInt, macFrom, machineIdFor } from './mde-ids';
import { DAY_MS, MINUTE_MS, toMdeTime } from './mde-time';

/** The DNS domain of every estate machine. */
export const ESTATE_DOMAIN = 'contoso.local';

export type OsPlatform =
  | 'Windows10'
  | 'Windows11'
  | 'WindowsServer2019'
  | 'WindowsServer2022'
  | 'Linux'
  | 'macOS';

const OS_DETAILS: Record<OsPlatform, { version: string; osBuild: number | null; windows: boolean }> = {
  Windows10: { version: '22H2', osBuild: 19045, windows: true },
  Windows11: { version: '23H2', osBuild: 22631, windows: true },
  WindowsServer2019: { version: '1809', osBuild: 17763, windows: true },
  WindowsServer2022: { version: '21H2', osBuild: 20348, windows: true },
  Linux: { version: '22.04', osBuild: null, windows: false },
  macOS: { version: '14.5', osBuild: null, windows: false },
};

/** The estate's RBAC device groups by id. */
export const RBAC_GROUPS = {
  1: 'Tier 0',
  2: 'Servers',
  3: 'Workstations',
  4: 'Linux and macOS',
} as const;

type RbacGroupId = keyof typeof RBAC_GROUPS;

/** How one estate machine differs from the others. */
interface MachineSeed {
  readonly host: string;
  readonly os: OsPlatform;
  readonly group: RbacGroupId;
  readonly ip: string;
  readonly risk: 'None' | 'Informational' | 'Low' | 'Medium' | 'High';
  readonly exposure: 'None' | 'Low' | 'Medium' | 'High';
  readonly value: 'Normal' | 'Low' | 'High';
  readonly tags: readonly string[];
  readonly health?: 'Active' | 'Inactive' | 'ImpairedCommunication' | 'NoSensorData';
  readonly onboarding?: 'onboarded' | 'CanBeOnboarded';
  /** Minutes since the last full report; default a few minutes. */
  readonly lastSeenMin?: number;
  readonly laptop?: boolean;
}

// biome-ignore format: one machine per line reads as a table
const MACHINE_SEEDS: readonly MachineSeed[] = [
  { host: 'dc01', os: 'WindowsServer2022', group: 1, ip: '10.0.1.10', risk: 'Medium', exposure: 'Medium', value: 'High', tags: ['tier0', 'domain-controller'] },
  { host: 'dc02', os: 'WindowsServer2019', group: 1, ip: '10.0.1.11', risk: 'Low', exposure: 'Medium', value: 'High', tags: ['tier0', 'domain-controller'] },
  { host: 'fs01', os: 'WindowsServer2019', group: 2, ip: '10.0.1.20', risk: 'High', exposure: 'High', value: 'High', tags: ['file-server'] },
  { host: 'sql01', os: 'WindowsServer2022', group: 2, ip: '10.0.1.21', risk: 'Low', exposure: 'Medium', value: 'High', tags: ['database'] },
  { host: 'exch01', os: 'WindowsServer2019', group: 2, ip: '10.0.1.22', risk: 'Medium', exposure: 'High', value: 'High', tags: ['exchange'] },
  { host: 'app01', os: 'WindowsServer2022', group: 2, ip: '10.0.1.23', risk: 'None', exposure: 'Low', value: 'Normal', tags: ['line-of-business'] },
  { host: 'backup01', os: 'WindowsServer2022', group: 2, ip: '10.0.1.24', risk: 'None', exposure: 'Low', value: 'High', tags: ['backup'], health: 'ImpairedCommunication', lastSeenMin: 300 },
  { host: 'jump01', os: 'WindowsServer2022', group: 2, ip: '10.0.1.30', risk: 'Low', exposure: 'Medium', value: 'High', tags: ['jump-host', 'tier1'] },
  { host: 'web01', os: 'Linux', group: 4, ip: '10.0.2.10', risk: 'Medium', exposure: 'High', value: 'Normal', tags: ['dmz', 'web'] },
  { host: 'build01', os: 'Linux', group: 4, ip: '10.0.2.20', risk: 'Informational', exposure: 'Medium', value: 'Normal', tags: ['ci'] },
  { host: 'fin-ws-001', os: 'Windows11', group: 3, ip: '10.0.10.11', risk: 'High', exposure: 'Medium', value: 'Normal', tags: ['finance'] },
  { host: 'fin-ws-002', os: 'Windows10', group: 3, ip: '10.0.10.12', risk: 'None', exposure: 'Low', value: 'Normal', tags: ['finance'] },
  { host: 'it-ws-001', os: 'Windows11', group: 3, ip: '10.0.10.21', risk: 'Low', exposure: 'Medium', value: 'High', tags: ['it-admin'] },
  { host: 'hr-ws-001', os: 'Windows10', group: 3, ip: '10.0.10.31', risk: 'None', exposure: 'Low', value: 'Normal', tags: ['hr'], health: 'Inactive', lastSeenMin: 9 * 24 * 60 },
  { host: 'dev-ws-001', os: 'Windows11', group: 3, ip: '10.0.10.41', risk: 'Medium', exposure: 'Medium', value: 'Normal', tags: ['developer'] },
  { host: 'dev-lnx-001', os: 'Linux', group: 4, ip: '10.0.10.42', risk: 'Low', exposure: 'Low', value: 'Normal', tags: ['developer'] },
  { host: 'dev-mac-001', os: 'macOS', group: 4, ip: '10.0.10.43', risk: 'None', exposure: 'Low', value: 'Normal', tags: ['developer'], laptop: true },
  { host: 'sales-lt-001', os: 'Windows10', group: 3, ip: '10.0.10.51', risk: 'Low', exposure: 'Medium', value: 'Normal', tags: ['sales'], laptop: true },
  { host: 'exec-lt-001', os: 'Windows11', group: 3, ip: '10.0.10.61', risk: 'None', exposure: 'Medium', value: 'High', tags: ['vip'], laptop: true },
  { host: 'exec-mac-001', os: 'macOS', group: 4, ip: '10.0.10.62', risk: 'None', exposure: 'Low', value: 'High', tags: ['vip'], health: 'NoSensorData', lastSeenMin: 2 * 24 * 60, laptop: true },
  { host: 'soc-ws-001', os: 'Windows11', group: 3, ip: '10.0.10.71', risk: 'None', exposure: 'Low', value: 'Normal', tags: ['soc'] },
  { host: 'helpdesk-ws-001', os: 'Windows10', group: 3, ip: '10.0.10.81', risk: 'High', exposure: 'High', value: 'Normal', tags: ['helpdesk'] },
  { host: 'mkt-lt-001', os: 'Windows11', group: 3, ip: '10.0.10.91', risk: 'Informational', exposure: 'Low', value: 'Normal', tags: ['marketing'], laptop: true },
  { host: 'mkt-mac-001', os: 'macOS', group: 4, ip: '10.0.10.92', risk: 'None', exposure: 'None', value: 'Low', tags: ['marketing'], laptop: true },
  { host: 'kiosk-ws-001', os: 'Windows10', group: 3, ip: '10.0.10.99', risk: 'None', exposure: 'None', value: 'Low', tags: ['kiosk'], health: 'Inactive', onboarding: 'CanBeOnboarded', lastSeenMin: 30 * 24 * 60 },
];

function makeMachine(seed: MachineSeed, nowMs: number, dns = `${seed.host}.${ESTATE_DOMAIN}`): MdeMachine {
  const os = OS_DETAILS[seed.os];
  const clientDevice = seed.group === 3 || seed.laptop === true;
  const hash = hashInt(dns);
  const lastSeenMin = seed.lastSeenMin ?? 2 + (hash % 40);
  return {
    id: machineIdFor(dns),
    computerDnsName: dns,
    firstSeen: toMdeTime(nowMs - (90 + (hash % 500)) * DAY_MS),
    lastSeen: toMdeTime(nowMs - lastSeenMin * MINUTE_MS),
    osPlatform: seed.os,
    version: os.version,
    osProcessor: 'x64',
    osArchitecture: '64-bit',
    osBuild: os.osBuild,
    lastIpAddress: seed.ip,
    lastExternalIpAddress: seed.laptop ? `198.51.100.${10 + (hash % 200)}` : '203.0.113.10',
    healthStatus: seed.health ?? 'Active',
    onboardingStatus: seed.onboarding ?? 'onboarded',
    deviceValue: seed.value,
    rbacGroupId: seed.group,
    rbacGroupName: RBAC_GROUPS[seed.group],
    riskScore: seed.risk,
    exposureLevel: seed.exposure,
    isAadJoined: clientDevice && os.windows,
    aadDeviceId: clientDevice ? guidFrom(`aad-device:${dns}`) : null,
    machineTags: [...seed.tags],
    ipAddresses: [{ ipAddress: seed.ip, macAddress: macFrom(dns), operationalStatus: 'Up' }],
  };
}

/** The estate's 25 machines: two tier0 domain controllers, servers, Linux hosts and workstations. */
export function buildMachines(nowMs: number): MdeMachine[] {
  return MACHINE_SEEDS.map((seed) => makeMachine(seed, nowMs));
}

/** A machine that onboarded just now under a DNS name nobody knew (`POST /_sim/mde/alerts`). */
export function machineFromDnsName(dnsName: string, nowMs: number): MdeMachine {
  const hash = hashInt(dnsName.toLowerCase());
  const ip = `10.0.${20 + (hash % 200)}.${1 + ((hash >> 8) % 254)}`;
  const [host = dnsName] = dnsName.split('.');
  const machine = makeMachine(
    { host, os: 'Windows11', group: 3, ip, risk: 'None', exposure: 'Low', value: 'Normal', tags: [] },
    nowMs,
    dnsName,
  );
  return { ...machine, firstSeen: toMdeTime(nowMs - DAY_MS), lastSeen: toMdeTime(nowMs) };
}
