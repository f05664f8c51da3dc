import type { Severity } from './severity';

/** Where an alert came from: Defender for Endpoint or Defender for Cloud Apps. */
export type AlertSource = 'mde' | 'mcas';

/** Vigil's lifecycle of an alert, the same for both sources. */
export type AlertStatus = 'new' | 'inProgress' | 'resolved';

/** How an analyst judged an alert when resolving it. */
export type AlertClassification = 'truePositive' | 'falsePositive' | 'informationalExpectedActivity';

/** One piece of evidence, reduced to what a card or a rule needs. Absent fields are omitted. */
export interface AlertEvidence {
  readonly entityType: string;
  readonly fileName?: string;
  readonly filePath?: string;
  readonly sha1?: string;
  readonly sha256?: string;
  readonly processCommandLine?: string;
  readonly ipAddress?: string;
  readonly url?: string;
  readonly accountName?: string;
  readonly domainName?: string;
  readonly userPrincipalName?: string;
  readonly registryKey?: string;
  readonly detectionStatus?: string;
}

/** A comment on an alert, as the source keeps it. */
export interface AlertComment {
  readonly text: string;
  readonly createdBy?: string;
  readonly createdAt: string;
}

/** The user an alert names. For MCAS `upn` is the account's principal name; `name` is its local part. */
export interface AlertUser {
  readonly name: string;
  readonly domain?: string;
  readonly upn?: string;
}

/** The machine an alert happened on (MDE alerts; MCAS alerts have none). */
export interface AlertMachine {
  readonly id: string;
  readonly name: string;
}

/**
 * The one normalized alert of Vigil. MDE and MCAS alerts both become this shape at the edge, so rules,
 * cards and commands never see a source's own field names. Times are ISO-8601 UTC strings.
 */
export interface Alert {
  readonly id: string;
  readonly source: AlertSource;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly status: AlertStatus;
  readonly category: string;
  readonly detectionSource: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly firstEventAt?: string;
  readonly lastEventAt?: string;
  readonly resolvedAt?: string;
  readonly machine?: AlertMachine;
  readonly user?: AlertUser;
  readonly assignedTo?: string;
  readonly classification?: AlertClassification;
  readonly determination?: string;
  readonly mitreTechniques: readonly string[];
  readonly evidence: readonly AlertEvidence[];
  readonly comments: readonly AlertComment[];
  readonly threatName?: string;
  readonly incidentId?: string;
  /** A link to the alert in its portal, when the source gives one. */
  readonly portalUrl?: string;
}
