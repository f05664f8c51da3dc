/** Wire shapes of Microsoft Defender for Endpoint, as the simulator serves them (see defender-api.md). */

export type MdeSeverity = 'UnSpecified' | 'Informational' | 'Low' | 'Medium' | 'High';
export type MdeAlertStatus = 'Unknown' | 'New' | 'InProgress' | 'Resolved';
export type MdeClassification =
  | 'TruePositive'
  | 'InformationalExpectedActivity'
  | 'FalsePositive'
  | 'Unknown';

export interface MdeComment {
  comment: string;
  createdBy: string | null;
  createdTime: string;
}

/** Every key is always present; unused ones are null (as MDE sends them). */
export interface MdeEvidence {
  entityType: string;
  evidenceCreationTime: string;
  detectionStatus: string | null;
  sha1: string | null;
  sha256: string | null;
  fileName: string | null;
  filePath: string | null;
  processId: number | null;
  processCommandLine: string | null;
  processCreationTime: string | null;
  parentProcessId: number | null;
  parentProcessCreationTime: string | null;
  parentProcessFileName: string | null;
  parentProcessFilePath: string | null;
  ipAddress: string | null;
  url: string | null;
  registryKey: string | null;
  registryHive: string | null;
  registryValueType: string | null;
  registryValue: string | null;
  accountName: string | null;
  domainName: string | null;
  userSid: string | null;
  aadUserId: string | null;
  userPrincipalName: string | null;
}

export interface MdeAlert {
  id: string;
  incidentId: number | null;
  investigationId: number | null;
  assignedTo: string | null;
  severity: MdeSeverity;
  status: MdeAlertStatus;
  classification: MdeClassification | null;
  determination: string | null;
  investigationState: string | null;
  detectionSource: string;
  detectorId: string;
  category: string;
  threatFamilyName: string | null;
  threatName: string | null;
  title: string;
  description: string;
  alertCreationTime: string;
  firstEventTime: string | null;
  lastEventTime: string | null;
  lastUpdateTime: string;
  resolvedTime: string | null;
  machineId: string | null;
  computerDnsName: string | null;
  rbacGroupName: string | null;
  aadTenantId: string;
  mitreTechniques: string[];
  relatedUser: { userName: string; domainName: string } | null;
  comments: MdeComment[];
  /** Held always; served only with `$expand=evidence`. */
  evidence: MdeEvidence[];
}

export interface MdeIpAddress {
  ipAddress: string;
  macAddress: string;
  operationalStatus: string;
}

export interface MdeMachine {
  id: string;
  computerDnsName: string;
  firstSeen: string;
  lastSeen: string;
  osPlatform: string;
  version: string;
  osProcessor: string;
  osArchitecture: string;
  osBuild: number | null;
  lastIpAddress: string;
  lastExternalIpAddress: string;
  healthStatus: string;
  onboardingStatus: string;
  deviceValue: string;
  rbacGroupId: number;
  rbacGroupName: string;
  riskScore: string;
  exposureLevel: string;
  isAadJoined: boolean;
  aadDeviceId: string | null;
  machineTags: string[];
  ipAddresses: MdeIpAddress[];
}

export interface MdeUser {
  id: string;
  accountName: string;
  accountDomain: string;
  accountSid: string;
  firstSeen: string;
  lastSeen: string;
  mostPrevalentMachineId: string | null;
  leastPrevalentMachineId: string | null;
  logonTypes: string;
  logOnMachinesCount: number;
  isDomainAdmin: boolean;
  isOnlyNetworkUser: boolean;
}

export type MdeMachineActionStatus =
  | 'Pending'
  | 'InProgress'
  | 'Succeeded'
  | 'Failed'
  | 'TimeOut'
  | 'Cancelled';

export interface MdeMachineAction {
  id: string;
  type: string;
  scope: string | null;
  title: string | null;
  requestor: string;
  requestorComment: string;
  requestSource: string;
  externalID: string | null;
  status: MdeMachineActionStatus;
  machineId: string;
  computerDnsName: string;
  creationDateTimeUtc: string;
  lastUpdateDateTimeUtc: string;
  cancellationRequestor: string | null;
  cancellationComment: string | null;
  cancellationDateTimeUtc: string | null;
  relatedFileInfo: { fileIdentifier: string; fileIdentifierType: 'Sha1' | 'Sha256' | 'Md5' } | null;
  commands: unknown[];
}
