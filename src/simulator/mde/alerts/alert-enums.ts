/** The values MDE documents for alert fields (defender-api.md §2). */

export const ALERT_SEVERITIES = ['UnSpecified', 'Informational', 'Low', 'Medium', 'High'] as const;
export const ALERT_STATUSES = ['Unknown', 'New', 'InProgress', 'Resolved'] as const;
/** What `PATCH /api/alerts/{id}` may set `status` to. */
export const UPDATABLE_STATUSES = ['New', 'InProgress', 'Resolved'] as const;
export const ALERT_CLASSIFICATIONS = [
  'TruePositive',
  'InformationalExpectedActivity',
  'FalsePositive',
  'Unknown',
] as const;

/** The determinations as alerts.md names them (what the simulator stores and returns). */
export const ALERT_DETERMINATIONS = [
  'MultiStagedAttack',
  'MaliciousUserActivity',
  'CompromisedUser',
  'Malware',
  'Phishing',
  'UnwantedSoftware',
  'SecurityTesting',
  'LineOfBusinessApplication',
  'ConfirmedUserActivity',
  'Clean',
  'InsufficientData',
  'Other',
] as const;

/**
 * Other spellings of determinations (update-alert.md, Graph, the legacy connector), lower-cased, and the
 * alerts.md name each is stored as. `NotAvailable` means "no determination" and clears it.
 */
export const DETERMINATION_ALIASES: Readonly<Record<string, string | null>> = {
  confirmedactivity: 'ConfirmedUserActivity',
  notmalicious: 'Clean',
  compromisedaccount: 'CompromisedUser',
  notenoughdatatovalidate: 'InsufficientData',
  apt: 'MultiStagedAttack',
  securitypersonnel: 'SecurityTesting',
  notavailable: null,
};

export const INVESTIGATION_STATES = [
  'Unknown',
  'Terminated',
  'SuccessfullyRemediated',
  'Benign',
  'Failed',
  'PartiallyRemediated',
  'Running',
  'PendingApproval',
  'PendingResource',
  'PartiallyInvestigated',
  'TerminatedByUser',
  'TerminatedBySystem',
  'Queued',
  'InnerFailure',
  'PreexistingAlert',
  'UnsupportedOs',
  'UnsupportedAlertType',
  'SuppressedAlert',
] as const;

export const ALERT_CATEGORIES = [
  'General',
  'CommandAndControl',
  'Collection',
  'CredentialAccess',
  'DefenseEvasion',
  'Discovery',
  'Exfiltration',
  'Exploit',
  'Execution',
  'InitialAccess',
  'LateralMovement',
  'Malware',
  'Persistence',
  'PrivilegeEscalation',
  'Ransomware',
  'SuspiciousActivity',
] as const;

export const DETECTION_SOURCES = [
  'WindowsDefenderAtp',
  'WindowsDefenderAv',
  'WindowsDefenderSmartScreen',
  'CustomerTI',
  'CustomDetection',
  'AutomatedInvestigation',
  'MTP',
  'OfficeATP',
  'ThreatExperts',
  'ThirdPartySensors',
  'MCAS',
  'AzureATP',
] as const;

/** The member of an enum a value names, ignoring case (`inprogress` → `InProgress`); undefined if none. */
export function canonicalMember<M extends string>(value: string, members: readonly M[]): M | undefined {
  const wanted = value.toLowerCase();
  return members.find((member) => member.toLowerCase() === wanted);
}

/** A determination in any documented spelling as its alerts.md name; null clears; undefined is invalid. */
export function canonicalDetermination(value: string): string | null | undefined {
  const member = canonicalMember(value, ALERT_DETERMINATIONS);
  if (member) return member;
  const alias = DETERMINATION_ALIASES[value.toLowerCase()];
  return alias === undefined ? undefined : alias;
}

/** Every determination spelling accepted, for error messages. */
export const ACCEPTED_DETERMINATIONS: readonly string[] = [
  ...ALERT_DETERMINATIONS,
  'ConfirmedActivity',
  'NotMalicious',
  'CompromisedAccount',
  'NotEnoughDataToValidate',
  'Apt',
  'SecurityPersonnel',
  'NotAvailable',
];
