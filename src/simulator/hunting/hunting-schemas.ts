import type { KqlColumn, KqlType } from './kql-types';

const columns = (spec: string): KqlColumn[] =>
  spec
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [name, type] = entry.split(':') as [string, KqlType | undefined];
      return { name, type: type ?? 'string' };
    });

/** Columns of the advanced-hunting tables, with MDE's names and types (`name:type`, string by default). */
export const HUNTING_SCHEMAS = {
  DeviceProcessEvents: columns(`
    Timestamp:datetime DeviceId DeviceName ActionType FileName FolderPath SHA1 SHA256 FileSize:long
    ProcessId:long ProcessCommandLine ProcessIntegrityLevel ProcessCreationTime:datetime
    AccountDomain AccountName AccountSid AccountUpn LogonId:long
    InitiatingProcessAccountDomain InitiatingProcessAccountName InitiatingProcessFileName
    InitiatingProcessFolderPath InitiatingProcessSHA1 InitiatingProcessId:long InitiatingProcessCommandLine
    InitiatingProcessParentFileName ReportId:long`),
  DeviceNetworkEvents: columns(`
    Timestamp:datetime DeviceId DeviceName ActionType RemoteIP RemotePort:int RemoteUrl LocalIP
    LocalPort:int Protocol LocalIPType RemoteIPType InitiatingProcessFileName InitiatingProcessFolderPath
    InitiatingProcessId:long InitiatingProcessCommandLine InitiatingProcessAccountDomain
    InitiatingProcessAccountName InitiatingProcessSHA1 ReportId:long`),
  DeviceLogonEvents: columns(`
    Timestamp:datetime DeviceId DeviceName ActionType LogonType AccountDomain AccountName AccountSid
    Protocol FailureReason IsLocalAdmin:bool LogonId:long RemoteDeviceName RemoteIP RemoteIPType
    RemotePort:int InitiatingProcessFileName InitiatingProcessCommandLine ReportId:long`),
  DeviceInfo: columns(`
    Timestamp:datetime DeviceId DeviceName ClientVersion PublicIP OSArchitecture OSPlatform OSBuild:long
    OSVersion IsAzureADJoined:bool AadDeviceId LoggedOnUsers MachineGroup OnboardingStatus DeviceCategory
    DeviceType ExposureLevel SensorHealthState ReportId:long`),
  AlertInfo: columns(`
    Timestamp:datetime AlertId Title Category Severity ServiceSource DetectionSource AttackTechniques`),
  AlertEvidence: columns(`
    Timestamp:datetime AlertId Title Categories AttackTechniques ServiceSource DetectionSource EntityType
    EvidenceRole EvidenceDirection FileName FolderPath SHA1 SHA256 RemoteIP RemoteUrl AccountName
    AccountDomain AccountSid AccountObjectId AccountUpn DeviceId DeviceName ProcessCommandLine
    RegistryKey RegistryValueName RegistryValueData Severity`),
} as const satisfies Record<string, readonly KqlColumn[]>;

export type HuntingTableName = keyof typeof HUNTING_SCHEMAS;
