import {
  type BenignProcess,
  type Destination,
  DOCUMENTS,
  SERVER_DESTINATIONS,
  SERVER_PROCESSES,
  SITES,
  WORKSTATION_DESTINATIONS,
  WORKSTATION_PROCESSES,
} from './hunting-benign-catalog';
import type { HuntMachine } from './hunting-estate';
import type { EventFactory, Logon } from './hunting-event-factory';
import type { SeededRandom } from './hunting-random';
import { LINUX_DESTINATIONS, LINUX_PROCESSES, MAC_DESTINATIONS, MAC_PROCESSES } from './hunting-unix-catalog';
import type { KqlRow } from './kql-types';

export const HOUR_MS = 3_600_000;

/** The events of one machine in one hour. */
export interface BucketEvents {
  readonly process: KqlRow[];
  readonly network: KqlRow[];
  readonly logon: KqlRow[];
}

/** Expected events per hour: workstations follow office hours (UTC, weekdays), servers are steady. */
function hourlyRates(machine: HuntMachine, start: number) {
  if (machine.isServer) return { process: 0.35, network: 0.3, logon: 0.12 };
  const date = new Date(start);
  const weekday = date.getUTCDay() >= 1 && date.getUTCDay() <= 5;
  const hour = date.getUTCHours();
  const working = weekday && hour >= 7 && hour < 18;
  return working
    ? { process: 0.9, network: 0.7, logon: 0.25 }
    : { process: 0.05, network: 0.08, logon: 0.02 };
}

function catalogOf(m: HuntMachine): {
  processes: readonly BenignProcess[];
  destinations: readonly Destination[];
} {
  if (m.platform === 'linux') return { processes: LINUX_PROCESSES, destinations: LINUX_DESTINATIONS };
  if (m.platform === 'macos') return { processes: MAC_PROCESSES, destinations: MAC_DESTINATIONS };
  return m.isServer
    ? { processes: SERVER_PROCESSES, destinations: SERVER_DESTINATIONS }
    : { processes: WORKSTATION_PROCESSES, destinations: WORKSTATION_DESTINATIONS };
}

function benignProcess(m: HuntMachine, rng: SeededRandom, f: EventFactory, time: number): KqlRow {
  const spec = rng.weighted(catalogOf(m).processes);
  const account = spec.asSystem ? m.systemAccount : rng.pick(m.accounts);
  const vars = { user: account.name, dc: `${m.subnet}.10`, doc: rng.pick(DOCUMENTS), site: rng.pick(SITES) };
  return f.process({
    time,
    image: spec.image,
    command: spec.command(vars),
    account,
    parent: spec.parent,
    ...(spec.grandparent ? { grandparent: spec.grandparent } : {}),
  });
}

/** An inbound connection to a server: SMB, RDP and WinRM on Windows, SSH elsewhere. */
function inboundConnection(m: HuntMachine, rng: SeededRandom, f: EventFactory, time: number): KqlRow {
  const windows = m.platform === 'windows';
  return f.network({
    time,
    process: windows ? { file: 'System', folder: '' } : { file: 'sshd', folder: '/usr/sbin' },
    account: m.systemAccount,
    remoteIp: `${m.subnet}.${rng.int(30, 220)}`,
    remotePort: windows ? rng.pick([445, 3389, 5985]) : 22,
    action: 'InboundConnectionAccepted',
  });
}

function benignConnection(m: HuntMachine, rng: SeededRandom, f: EventFactory, time: number): KqlRow {
  if (m.isServer && rng.chance(0.25)) return inboundConnection(m, rng, f, time);
  const d = rng.weighted(catalogOf(m).destinations);
  return f.network({
    time,
    process: d.process,
    account: d.asSystem ? m.systemAccount : rng.pick(m.accounts),
    remoteIp: d.ip.replace('{subnet}', m.subnet),
    remotePort: d.port,
    remoteUrl: d.url,
    action: rng.chance(0.03) ? 'ConnectionFailed' : 'ConnectionSuccess',
  });
}

function windowsLogon(m: HuntMachine, rng: SeededRandom, base: Logon): Logon {
  const roll = rng.next();
  const peer = `${m.subnet}.${rng.int(30, 220)}`;
  if (roll < 0.07)
    return { ...base, action: 'LogonFailed', logonType: 'Interactive', failureReason: 'WrongPassword' };
  if (roll < 0.25) return { ...base, account: m.systemAccount, logonType: 'Service' };
  if (roll < 0.55) return { ...base, logonType: 'Network', protocol: 'Kerberos', remoteIp: peer };
  if (m.isServer) return { ...base, logonType: 'RemoteInteractive', remoteIp: peer };
  return { ...base, logonType: rng.pick(['Interactive', 'Unlock', 'Unlock', 'CachedInteractive']) };
}

function unixLogon(m: HuntMachine, rng: SeededRandom, base: Logon): Logon {
  const roll = rng.next();
  const ssh = { ...base, logonType: 'Network', protocol: '', remoteIp: `${m.subnet}.${rng.int(30, 220)}` };
  if (roll < 0.07) return { ...ssh, action: 'LogonFailed', failureReason: 'InvalidUserNameOrPassword' };
  if (roll < 0.3)
    return { ...base, account: m.systemAccount, logonType: 'Batch', protocol: '', process: 'cron' };
  if (roll < 0.75 || m.platform === 'linux') return ssh;
  return { ...base, logonType: 'Interactive', protocol: '', process: 'loginwindow' };
}

function benignLogon(m: HuntMachine, rng: SeededRandom, f: EventFactory, time: number): KqlRow {
  const base: Logon = {
    time,
    account: rng.pick(m.accounts),
    action: 'LogonSuccess',
    logonType: '',
    protocol: 'Negotiate',
  };
  return f.logon(m.platform === 'windows' ? windowsLogon(m, rng, base) : unixLogon(m, rng, base));
}

/** The everyday events of one machine-hour, into `events`. */
export function addBenignActivity(
  m: HuntMachine,
  rng: SeededRandom,
  f: EventFactory,
  start: number,
  events: BucketEvents,
): void {
  const rates = hourlyRates(m, start);
  const at = () => start + rng.int(0, HOUR_MS - 1);
  for (let i = rng.count(rates.process); i > 0; i -= 1) events.process.push(benignProcess(m, rng, f, at()));
  for (let i = rng.count(rates.network); i > 0; i -= 1)
    events.network.push(benignConnection(m, rng, f, at()));
  for (let i = rng.count(rates.logon); i > 0; i -= 1) events.logon.push(benignLogon(m, rng, f, at()));
}
