import type { MdeMachine, MdeUser } from '../model/mde-types';
import type { SimState } from '../state/sim-state';
import { hashText } from './hunting-random';

/** A user as the hunting tables write it. */
export interface HuntAccount {
  readonly name: string;
  readonly domain: string;
  readonly sid: string;
  readonly upn: string;
  readonly isAdmin: boolean;
}

/** A machine as the hunting tables need it, read from the simulator's state at query time. */
export type HuntPlatform = 'windows' | 'linux' | 'macos';

export interface HuntMachine {
  readonly id: string;
  readonly platform: HuntPlatform;
  /** The DNS name, lower case, as MDE writes `DeviceName`. */
  readonly name: string;
  readonly shortName: string;
  readonly ip: string;
  /** The first three octets of `ip`, e.g. `10.1.20`. */
  readonly subnet: string;
  readonly isServer: boolean;
  /** The people who use it; never empty. */
  readonly accounts: readonly HuntAccount[];
  /** SYSTEM on Windows, root elsewhere. */
  readonly systemAccount: HuntAccount;
  /** No events before this (the machine's `firstSeen`). */
  readonly activeFromMs: number;
  /** No events after this: the `lastSeen` of a machine that is not `Active`, else +∞. */
  readonly activeUntilMs: number;
  /** Changes whenever anything the generated events depend on changes. */
  readonly signature: string;
  readonly machine: MdeMachine;
}

const SERVER_NAME = /^(srv|dc|sql|fs|web|app|exch|file|backup|jump|build)[-\d]/i;

/** The account Windows services run as. */
export const SYSTEM_ACCOUNT: HuntAccount = {
  name: 'system',
  domain: 'nt authority',
  sid: 'S-1-5-18',
  upn: '',
  isAdmin: true,
};

function isServer(machine: MdeMachine): boolean {
  const tags = machine.machineTags.map((t) => t.toLowerCase());
  return (
    /server/i.test(machine.osPlatform) || SERVER_NAME.test(machine.computerDnsName) || tags.includes('server')
  );
}

/** The UPN is written `name@<netbios domain>.com` (the estate's users are `alice@contoso.com`). */
function toAccount(user: MdeUser): HuntAccount {
  return {
    name: user.accountName,
    domain: user.accountDomain,
    sid: user.accountSid,
    upn: `${user.accountName}@${user.accountDomain}.com`.toLowerCase(),
    isAdmin: user.isDomainAdmin,
  };
}

/** The machine's users; a server without its own gets the admins, a workstation one user picked by id. */
function accountsFor(machine: MdeMachine, state: SimState, server: boolean): HuntAccount[] {
  const entries = [...state.users.values()];
  const own = entries.filter((e) => e.machineIds.includes(machine.id)).map((e) => e.user);
  let users = own;
  if (users.length === 0 && entries.length > 0) {
    const admins = entries.map((e) => e.user).filter((u) => u.isDomainAdmin);
    users = server && admins.length > 0 ? admins : [entries[hashText(machine.id) % entries.length]!.user];
  }
  if (users.length > 0) return users.map(toAccount);
  const local = machine.computerDnsName.split('.')[0]!.toUpperCase();
  return [
    {
      name: 'administrator',
      domain: local,
      sid: 'S-1-5-21-1004336348-1177238915-682003330-500',
      upn: '',
      isAdmin: true,
    },
  ];
}

function platformOf(machine: MdeMachine): HuntPlatform {
  const os = machine.osPlatform.toLowerCase();
  if (os.includes('linux') || os.includes('ubuntu') || os.includes('redhat')) return 'linux';
  return os.includes('mac') ? 'macos' : 'windows';
}

function systemAccountOf(platform: HuntPlatform, shortName: string): HuntAccount {
  if (platform === 'windows') return SYSTEM_ACCOUNT;
  return { name: 'root', domain: shortName, sid: '', upn: '', isAdmin: true };
}

/** When a machine that is not Active stopped reporting. */
function activeUntil(machine: MdeMachine): number {
  const lastSeen = Date.parse(machine.lastSeen);
  return machine.healthStatus === 'Active' || Number.isNaN(lastSeen) ? Number.POSITIVE_INFINITY : lastSeen;
}

function huntMachine(machine: MdeMachine, state: SimState): HuntMachine {
  const name = machine.computerDnsName.toLowerCase();
  const shortName = name.split('.')[0] ?? name;
  const platform = platformOf(machine);
  const h = hashText(machine.id);
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(machine.lastIpAddress)
    ? machine.lastIpAddress
    : `10.1.${h % 200}.${((h >>> 8) % 200) + 20}`;
  const server = isServer(machine);
  const accounts = accountsFor(machine, state, server);
  const firstSeen = Date.parse(machine.firstSeen);
  const activeFromMs = Number.isNaN(firstSeen) ? Number.NEGATIVE_INFINITY : firstSeen;
  const activeUntilMs = activeUntil(machine);
  const signature = JSON.stringify([name, platform, ip, server, accounts]);
  return {
    id: machine.id,
    platform,
    name,
    shortName,
    ip,
    subnet: ip.split('.').slice(0, 3).join('.'),
    isServer: server,
    accounts,
    systemAccount: systemAccountOf(platform, shortName),
    activeFromMs,
    activeUntilMs,
    signature,
    machine,
  };
}

const reportsEvents = (machine: MdeMachine) =>
  !machine.onboardingStatus || machine.onboardingStatus.toLowerCase() === 'onboarded';

/** The onboarded machines of the estate, as the hunting tables see them now. */
export function readHuntEstate(state: SimState): HuntMachine[] {
  return [...state.machines.values()].filter(reportsEvents).map((m) => huntMachine(m, state));
}
