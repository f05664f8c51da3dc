import type { Alert } from '../../domain/alerts/alert';
import type { Severity } from '../../domain/alerts/severity';

/** Which Defender for Cloud Apps alerts to list. Every given criterion must hold. */
export interface McasAlertQuery {
  /** Only alerts still open. */
  readonly openOnly?: boolean;
  /** Only alerts raised at or after this ISO-8601 time. */
  readonly since?: string;
  readonly severities?: readonly Severity[];
  /** Stop after this many alerts. Default 1,000. */
  readonly maxAlerts?: number;
}

/** Why an alert is closed as benign (MCAS `reasonId`). */
export const MCAS_BENIGN_REASONS = {
  actualSeverityIsLower: 2,
  other: 4,
  confirmedWithEndUser: 5,
  triggeredByTest: 6,
} as const;

/** Why an alert is closed as a false positive (MCAS `reasonId`). */
export const MCAS_FALSE_POSITIVE_REASONS = {
  notOfInterest: 0,
  tooManySimilarAlerts: 1,
  alertIsNotAccurate: 3,
  other: 4,
} as const;

/** How an MCAS alert is closed. */
export interface McasCloseRequest {
  readonly comment: string;
  readonly reasonId?: number;
}

/**
 * Microsoft Defender for Cloud Apps, as the services need it. Unknown alerts throw `DEFENDER.NOT_FOUND`;
 * other failures throw one of `DEFENDER_ERROR_CODES` (see defender.port.ts).
 */
export interface McasPort {
  listAlerts(query: McasAlertQuery): Promise<Alert[]>;
  getAlert(alertId: string): Promise<Alert>;
  closeBenign(alertId: string, request: McasCloseRequest): Promise<void>;
  closeFalsePositive(alertId: string, request: McasCloseRequest): Promise<void>;
  closeTruePositive(alertId: string, comment: string): Promise<void>;
  markRead(alertId: string): Promise<void>;
  markUnread(alertId: string): Promise<void>;
}
