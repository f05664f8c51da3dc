/** MITRE technique names, as AlertInfo writes `AttackTechniques` (`["OS Credential Dumping (T1003)"]`). */
const TECHNIQUES: Readonly<Record<string, string>> = {
  T1003: 'OS Credential Dumping',
  'T1003.001': 'LSASS Memory',
  T1018: 'Remote System Discovery',
  T1021: 'Remote Services',
  'T1021.002': 'SMB/Windows Admin Shares',
  T1027: 'Obfuscated Files or Information',
  T1047: 'Windows Management Instrumentation',
  T1053: 'Scheduled Task/Job',
  'T1053.005': 'Scheduled Task',
  T1055: 'Process Injection',
  T1059: 'Command and Scripting Interpreter',
  'T1059.001': 'PowerShell',
  'T1059.003': 'Windows Command Shell',
  'T1059.004': 'Unix Shell',
  T1064: 'Scripting',
  T1069: 'Permission Groups Discovery',
  T1071: 'Application Layer Protocol',
  'T1071.001': 'Web Protocols',
  T1078: 'Valid Accounts',
  T1082: 'System Information Discovery',
  T1085: 'Rundll32',
  T1087: 'Account Discovery',
  'T1087.002': 'Domain Account',
  T1105: 'Ingress Tool Transfer',
  T1110: 'Brute Force',
  'T1204.002': 'Malicious File',
  'T1218.011': 'Rundll32',
  T1482: 'Domain Trust Discovery',
  T1486: 'Data Encrypted for Impact',
  T1490: 'Inhibit System Recovery',
  'T1543.003': 'Windows Service',
  T1547: 'Boot or Logon Autostart Execution',
  T1562: 'Impair Defenses',
  T1566: 'Phishing',
  'T1566.001': 'Spearphishing Attachment',
  'T1569.002': 'Service Execution',
};

/** `["LSASS Memory (T1003.001)","T9999"]`, or '' when there are none. */
export function formatTechniques(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const named = ids.map((id) => (Object.hasOwn(TECHNIQUES, id) ? `${TECHNIQUES[id]} (${id})` : id));
  return JSON.stringify(named);
}

const MDE_DETECTION_SOURCES: Readonly<Record<string, string>> = {
  WindowsDefenderAtp: 'EDR',
  WindowsDefenderAv: 'Antivirus',
  WindowsDefenderSmartScreen: 'SmartScreen',
  CustomerTI: 'Custom TI',
  CustomDetection: 'Custom detection',
  AutomatedInvestigation: 'Automated investigation',
  MTP: 'Microsoft Defender XDR',
  OfficeATP: 'Microsoft Defender for Office 365',
  ThreatExperts: 'Microsoft Defender Experts',
  ThirdPartySensors: 'Third party sensors',
  MCAS: 'Microsoft Defender for Cloud Apps',
  AzureATP: 'Microsoft Defender for Identity',
};

const SERVICE_SOURCES: Readonly<Record<string, string>> = {
  OfficeATP: 'Microsoft Defender for Office 365',
  MCAS: 'Microsoft Defender for Cloud Apps',
  AzureATP: 'Microsoft Defender for Identity',
  MTP: 'Microsoft Defender XDR',
};

/** `ServiceSource` and `DetectionSource` of an MDE alert, as the hunting tables write them. */
export function alertSources(detectionSource: string): { service: string; detection: string } {
  return {
    service: SERVICE_SOURCES[detectionSource] ?? 'Microsoft Defender for Endpoint',
    detection: MDE_DETECTION_SOURCES[detectionSource] ?? detectionSource,
  };
}
