import type { HuntAccount, HuntMachine } from './hunting-estate';
import { fullPath, type ProcessImage } from './hunting-images';
import { hashText, type SeededRandom } from './hunting-random';
import { completeRow, fileHash } from './hunting-row';
import { HUNTING_SCHEMAS } from './hunting-schemas';
import type { KqlRow } from './kql-types';

export interface ProcessLaunch {
  readonly time: number;
  readonly image: ProcessImage;
  readonly command: string;
  readonly account: HuntAccount;
  readonly parent: ProcessImage;
  readonly parentCommand?: string;
  readonly grandparent?: ProcessImage;
  /** `Medium` for a user, `System` for SYSTEM unless given (`High` for an elevated user). */
  readonly integrity?: string;
}

export interface Connection {
  readonly time: number;
  readonly process: ProcessImage;
  readonly processCommand?: string;
  readonly account: HuntAccount;
  readonly remoteIp: string;
  readonly remotePort: number;
  readonly remoteUrl?: string;
  readonly action?:
    | 'ConnectionSuccess'
    | 'ConnectionFailed'
    | 'InboundConnectionAccepted'
    | 'ConnectionRequest';
  readonly protocol?: 'Tcp' | 'Udp';
}

export interface Logon {
  readonly time: number;
  readonly account: HuntAccount;
  readonly action: 'LogonSuccess' | 'LogonFailed';
  readonly logonType: string;
  readonly protocol: string;
  readonly failureReason?: string;
  readonly remoteIp?: string;
  readonly remoteDeviceName?: string;
  /** Default: `lsass.exe` on Windows, `sshd` elsewhere. */
  readonly process?: string;
}

const isPrivate = (ip: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|127\.)/.test(ip);
const ipType = (ip: string) => (ip === '' ? '' : isPrivate(ip) ? 'Private' : 'Public');
const profile = (account: HuntAccount) => account.name.toLowerCase();

/**
 * Builds rows of the device tables for one machine, drawing ids from the bucket's PRNG. The row objects are
 * written out in full: an object spread here made generation ten times slower.
 */
export class EventFactory {
  constructor(
    private readonly machine: HuntMachine,
    private readonly rng: SeededRandom,
  ) {}

  private reportId(): number {
    return this.rng.int(1000, 2 ** 31);
  }

  process(p: ProcessLaunch): KqlRow {
    const user = profile(p.account);
    const system = p.account === this.machine.systemAccount;
    const windows = this.machine.platform === 'windows';
    return completeRow(HUNTING_SCHEMAS.DeviceProcessEvents, {
      DeviceId: this.machine.id,
      DeviceName: this.machine.name,
      ReportId: this.reportId(),
      Timestamp: p.time,
      ActionType: 'ProcessCreated',
      FileName: p.image.file,
      FolderPath: fullPath(p.image, user),
      SHA1: fileHash('sha1', p.image.file),
      SHA256: fileHash('sha256', p.image.file),
      FileSize: 20_000 + (hashText(p.image.file) % 4_000_000),
      ProcessId: this.rng.int(400, 20_000),
      ProcessCommandLine: p.command,
      ProcessIntegrityLevel: p.integrity ?? (windows ? (system ? 'System' : 'Medium') : ''),
      ProcessCreationTime: p.time,
      AccountDomain: p.account.domain.toLowerCase(),
      AccountName: p.account.name,
      AccountSid: p.account.sid,
      AccountUpn: p.account.upn,
      LogonId: system && windows ? 999 : this.rng.int(100_000, 9_999_999),
      InitiatingProcessAccountDomain: p.account.domain.toLowerCase(),
      InitiatingProcessAccountName: p.account.name,
      InitiatingProcessFileName: p.parent.file,
      InitiatingProcessFolderPath: fullPath(p.parent, user),
      InitiatingProcessSHA1: fileHash('sha1', p.parent.file),
      InitiatingProcessId: this.rng.int(400, 20_000),
      InitiatingProcessCommandLine: p.parentCommand ?? p.parent.file,
      InitiatingProcessParentFileName: p.grandparent?.file ?? '',
    });
  }

  network(c: Connection): KqlRow {
    const inbound = c.action === 'InboundConnectionAccepted';
    const ephemeral = this.rng.int(49_152, 65_535);
    return completeRow(HUNTING_SCHEMAS.DeviceNetworkEvents, {
      DeviceId: this.machine.id,
      DeviceName: this.machine.name,
      ReportId: this.reportId(),
      Timestamp: c.time,
      ActionType: c.action ?? 'ConnectionSuccess',
      RemoteIP: c.remoteIp,
      RemotePort: inbound ? ephemeral : c.remotePort,
      RemoteUrl: c.remoteUrl ?? '',
      LocalIP: this.machine.ip,
      LocalPort: inbound ? c.remotePort : ephemeral,
      Protocol: c.protocol ?? 'Tcp',
      LocalIPType: ipType(this.machine.ip),
      RemoteIPType: ipType(c.remoteIp),
      InitiatingProcessFileName: c.process.file,
      InitiatingProcessFolderPath: fullPath(c.process, profile(c.account)),
      InitiatingProcessId: this.rng.int(400, 20_000),
      InitiatingProcessCommandLine: c.processCommand ?? c.process.file,
      InitiatingProcessAccountDomain: c.account.domain.toLowerCase(),
      InitiatingProcessAccountName: c.account.name,
      InitiatingProcessSHA1: fileHash('sha1', c.process.file),
    });
  }

  logon(l: Logon): KqlRow {
    const remote = l.remoteIp ?? '';
    const initiator = l.process ?? (this.machine.platform === 'windows' ? 'lsass.exe' : 'sshd');
    return completeRow(HUNTING_SCHEMAS.DeviceLogonEvents, {
      DeviceId: this.machine.id,
      DeviceName: this.machine.name,
      ReportId: this.reportId(),
      Timestamp: l.time,
      ActionType: l.action,
      LogonType: l.logonType,
      AccountDomain: l.account.domain.toLowerCase(),
      AccountName: l.account.name,
      AccountSid: l.account.sid,
      Protocol: l.protocol,
      FailureReason: l.failureReason ?? '',
      IsLocalAdmin: l.account.isAdmin,
      LogonId: l.action === 'LogonSuccess' ? this.rng.int(100_000, 9_999_999) : null,
      RemoteDeviceName: l.remoteDeviceName ?? '',
      RemoteIP: remote,
      RemoteIPType: ipType(remote),
      RemotePort: remote === '' ? null : this.rng.int(49_152, 65_535),
      InitiatingProcessFileName: initiator,
      InitiatingProcessCommandLine: initiator === 'sshd' ? '/usr/sbin/sshd -D' : initiator,
    });
  }
}
