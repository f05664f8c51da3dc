import type { MdeAlert, MdeEvidence, MdeMachine, MdeUser } from '../../../src/simulator/model/mde-types';
import { type Estate, SimState } from '../../../src/simulator/state/sim-state';

/** A fixed clock for hunting tests: a Tuesday, mid-morning UTC. */
export const T0 = Date.parse('2026-03-03T10:30:00Z');

const hex40 = (n: number, prefix: string) => `${prefix}${n.toString(16).padStart(4, '0')}`.padEnd(40, '0');

/** A test machine; ids start with `f1x` so they never collide with the real estate's. */
export function fixtureMachine(n: number, overrides: Partial<MdeMachine> = {}): MdeMachine {
  const server = n % 5 === 0;
  const name = server ? `srv-${String(n).padStart(2, '0')}` : `ws-${String(n).padStart(3, '0')}`;
  return {
    id: hex40(n, 'f1x'),
    computerDnsName: `${name}.hunt.contoso.com`,
    firstSeen: '2025-06-01T00:00:00Z',
    lastSeen: '2026-03-03T10:00:00Z',
    osPlatform: server ? 'WindowsServer2022' : 'Windows11',
    version: server ? '21H2' : '23H2',
    osProcessor: 'x64',
    osArchitecture: '64-bit',
    osBuild: server ? 20348 : 22631,
    lastIpAddress: `10.42.7.${30 + n}`,
    lastExternalIpAddress: '203.0.113.200',
    healthStatus: 'Active',
    onboardingStatus: 'Onboarded',
    deviceValue: 'Normal',
    rbacGroupId: 1,
    rbacGroupName: 'Hunt fixtures',
    riskScore: 'None',
    exposureLevel: 'Low',
    isAadJoined: true,
    aadDeviceId: null,
    machineTags: [],
    ipAddresses: [],
    ...overrides,
  };
}

export function fixtureUser(name: string, isDomainAdmin = false): MdeUser {
  return {
    id: `hunt\\${name}`,
    accountName: name,
    accountDomain: 'HUNT',
    accountSid: `S-1-5-21-42-42-42-${1000 + name.length}`,
    firstSeen: '2025-06-01T00:00:00Z',
    lastSeen: '2026-03-03T10:00:00Z',
    mostPrevalentMachineId: null,
    leastPrevalentMachineId: null,
    logonTypes: 'Interactive',
    logOnMachinesCount: 1,
    isDomainAdmin,
    isOnlyNetworkUser: false,
  };
}

/** `count` machines with two users each on the workstations and an admin on the servers. */
export function fixtureEstate(count: number): Pick<Estate, 'machines' | 'users'> {
  const machines = Array.from({ length: count }, (_, i) => fixtureMachine(i + 1));
  const names = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
  const users = names.map((name, i) => ({
    user: fixtureUser(name, name === 'frank'),
    machineIds: machines.filter((_, j) => j % names.length === i).map((m) => m.id),
  }));
  return { machines, users };
}

/** Adds the fixture estate to a state (the real estate, when present, stays). */
export function seedEstate(state: SimState, count = 25): void {
  const estate = fixtureEstate(count);
  for (const machine of estate.machines) state.addMachine(machine);
  for (const entry of estate.users) state.users.set(entry.user.accountName.toLowerCase(), entry);
}

/** A state holding only the fixture estate. */
export function fixtureState(count = 25, alerts: MdeAlert[] = []): SimState {
  return new SimState(() => ({ ...fixtureEstate(count), alerts, mcasAlerts: [] }));
}

/** A test alert on a fixture machine, with one file and one IP evidence item. */
export function fixtureAlert(id: string, createdMs: number, overrides: Partial<MdeAlert> = {}): MdeAlert {
  const machine = fixtureMachine(2);
  const created = new Date(createdMs).toISOString();
  const evidence = (fields: Partial<MdeEvidence>): MdeEvidence => ({
    ...EMPTY_EVIDENCE,
    evidenceCreationTime: created,
    ...fields,
  });
  return {
    id,
    incidentId: 7,
    investigationId: null,
    assignedTo: null,
    severity: 'High',
    status: 'New',
    classification: null,
    determination: null,
    investigationState: 'Queued',
    detectionSource: 'WindowsDefenderAtp',
    detectorId: '00000000-0000-0000-0000-000000000042',
    category: 'CredentialAccess',
    threatFamilyName: null,
    threatName: null,
    title: 'Mimikatz credential theft tool',
    description: 'A credential theft tool ran.',
    alertCreationTime: created,
    firstEventTime: created,
    lastEventTime: created,
    lastUpdateTime: created,
    resolvedTime: null,
    machineId: machine.id,
    computerDnsName: machine.computerDnsName,
    rbacGroupName: machine.rbacGroupName,
    aadTenantId: '00000000-0000-0000-0000-000000000001',
    mitreTechniques: ['T1003.001', 'T9999'],
    relatedUser: { userName: 'bob', domainName: 'HUNT' },
    comments: [],
    evidence: [
      evidence({
        entityType: 'File',
        fileName: 'mimikatz.exe',
        filePath: 'C:\\Users\\bob\\AppData\\Local\\Temp',
        sha1: 'ab'.repeat(20),
      }),
      evidence({ entityType: 'Ip', ipAddress: '203.0.113.66' }),
    ],
    ...overrides,
  };
}

const EMPTY_EVIDENCE: MdeEvidence = {
  entityType: '',
  evidenceCreationTime: '',
  detectionStatus: 'Detected',
  sha1: null,
  sha256: null,
  fileName: null,
  filePath: null,
  processId: null,
  processCommandLine: null,
  processCreationTime: null,
  parentProcessId: null,
  parentProcessCreationTime: null,
  parentProcessFileName: null,
  parentProcessFilePath: null,
  ipAddress: null,
  url: null,
  registryKey: null,
  registryHive: null,
  registryValueType: null,
  registryValue: null,
  accountName: null,
  domainName: null,
  userSid: null,
  aadUserId: null,
  userPrincipalName: null,
};
