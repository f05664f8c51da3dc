import type { MdeMachine, MdeUser } from '../model/mde-types';
import { ESTATE_DOMAIN } from './estate-machines';
import { DAY_MS, HOUR_MS, toMdeTime } from './mde-time';

/** The NetBIOS domain of every estate user (`contoso\alice`, relatedUser `CONTOSO`). */
export const USER_DOMAIN = 'contoso';
/** The UPN suffix: MCAS alerts name users `alice@contoso.com`. */
export const UPN_SUFFIX = 'contoso.com';
const DOMAIN_SID = 'S-1-5-21-3623811015-3361044348-30300820';

/** One estate user and the hosts (short names) they log on to, most used first. */
interface UserSeed {
  readonly name: string;
  readonly hosts: readonly string[];
  readonly domainAdmin?: boolean;
}

const USER_SEEDS: readonly UserSeed[] = [
  { name: 'alice', hosts: ['fin-ws-001', 'fs01'] },
  { name: 'bob', hosts: ['it-ws-001', 'jump01', 'dc01'], domainAdmin: true },
  { name: 'carol', hosts: ['hr-ws-001'] },
  { name: 'dave', hosts: ['dev-ws-001', 'dev-lnx-001', 'build01'] },
  { name: 'erin', hosts: ['sales-lt-001'] },
  { name: 'frank', hosts: ['exec-lt-001', 'exec-mac-001'] },
  { name: 'grace', hosts: ['soc-ws-001', 'jump01'] },
  { name: 'heidi', hosts: ['dev-mac-001', 'build01'] },
  { name: 'ivan', hosts: ['helpdesk-ws-001', 'fin-ws-002'] },
  { name: 'judy', hosts: ['mkt-lt-001', 'mkt-mac-001'] },
];

/** The SID of an estate user (also written into User evidence). */
export function userSid(index: number): string {
  return `${DOMAIN_SID}-${1104 + index}`;
}

function machineIdsOf(seed: UserSeed, machines: readonly MdeMachine[]): string[] {
  return seed.hosts.map((host) => {
    const machine = machines.find((m) => m.computerDnsName === `${host}.${ESTATE_DOMAIN}`);
    if (!machine) throw new Error(`estate user ${seed.name} names an unknown host ${host}`);
    return machine.id;
  });
}

/** The estate's 10 users (MDE User entities), each with the ids of the 1–3 machines they use. */
export function buildUsers(
  nowMs: number,
  machines: readonly MdeMachine[],
): Array<{ user: MdeUser; machineIds: string[] }> {
  return USER_SEEDS.map((seed, index) => {
    const machineIds = machineIdsOf(seed, machines);
    const user: MdeUser = {
      id: `${USER_DOMAIN}\\${seed.name}`,
      accountName: seed.name,
      accountDomain: USER_DOMAIN,
      accountSid: userSid(index + 1),
      firstSeen: toMdeTime(nowMs - (200 + index * 17) * DAY_MS),
      lastSeen: toMdeTime(nowMs - (index + 1) * HOUR_MS),
      mostPrevalentMachineId: machineIds[0] ?? null,
      leastPrevalentMachineId: machineIds[machineIds.length - 1] ?? null,
      logonTypes: machineIds.length > 1 ? 'Interactive, Network' : 'Interactive',
      logOnMachinesCount: machineIds.length,
      isDomainAdmin: seed.domainAdmin === true,
      isOnlyNetworkUser: false,
    };
    return { user, machineIds };
  });
}
