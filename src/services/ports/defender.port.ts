import type { Alert, AlertClassification, AlertStatus, AlertUser } from '../../domain/alerts/alert';
import type { Severity } from '../../domain/alerts/severity';
import type { Machine, MachineLogonUser } from '../../domain/machines/machine';
import type {
  IsolationType,
  MachineAction,
  MachineActionStatus,
  MachineActionType,
  ScanType,
} from '../../domain/machines/machine-action';

/**
 * The stable codes of the errors a Defender port throws (each a `VigilError`). Services branch on them
 * with `isVigilError(error, DEFENDER_ERROR_CODES.actionAlreadyPending)`; every error also carries a
 * `friendlyMessage` fit for Teams and `details` with `status`, `defenderCode` and `route`.
 */
export const DEFENDER_ERROR_CODES = {
  /** The app could not get a token (wrong secret, unknown app or tenant, unreachable sign-in host). */
  authFailed: 'DEFENDER.AUTH_FAILED',
  unauthorized: 'DEFENDER.UNAUTHORIZED',
  /** The app lacks an application permission; the message names it. */
  forbidden: 'DEFENDER.FORBIDDEN',
  notFound: 'DEFENDER.NOT_FOUND',
  badRequest: 'DEFENDER.BAD_REQUEST',
  /** The same kind of machine action is already pending on that machine. */
  actionAlreadyPending: 'DEFENDER.ACTION_ALREADY_PENDING',
  /** Still rate-limited after the allowed retries; `details.retryAfterS` says when to try again. */
  rateLimited: 'DEFENDER.RATE_LIMITED',
  unavailable: 'DEFENDER.UNAVAILABLE',
  /** No answer in time. On a call that creates something, `details.maybeActed` is true. */
  timeout: 'DEFENDER.TIMEOUT',
  invalidResponse: 'DEFENDER.INVALID_RESPONSE',
} as const;
export type DefenderErrorCode = (typeof DEFENDER_ERROR_CODES)[keyof typeof DEFENDER_ERROR_CODES];

/** Which MDE alerts to list. Every given criterion must hold. Times are ISO-8601 strings. */
export interface MdeAlertQuery {
  readonly updatedSince?: string;
  readonly createdSince?: string;
  readonly statuses?: readonly AlertStatus[];
  readonly severities?: readonly Severity[];
  readonly assignedTo?: string;
  /** Fill `evidence` (one more expansion per alert on Defender's side). Default true. */
  readonly includeEvidence?: boolean;
  /** Stop after this many alerts. Default 10,000. */
  readonly maxAlerts?: number;
}

/** A change to an MDE alert: only these fields can change; a comment is appended. */
export interface AlertUpdate {
  readonly status?: AlertStatus;
  readonly assignedTo?: string;
  readonly classification?: AlertClassification;
  /** MDE's determination, e.g. `Malware`, `SecurityTesting`, `Other`. */
  readonly determination?: string;
  readonly comment?: string;
}

/** Which machines to find. Every given criterion must hold. */
export interface MachineQuery {
  /** A DNS name or its beginning (`ws-042` finds `ws-042.contoso.com`). */
  readonly namePrefix?: string;
  readonly tag?: string;
  readonly healthStatus?: string;
  readonly maxMachines?: number;
}

/** Which machine actions to list. */
export interface MachineActionQuery {
  readonly machineId?: string;
  readonly type?: MachineActionType;
  readonly status?: MachineActionStatus;
  readonly requestor?: string;
  readonly createdSince?: string;
  readonly maxActions?: number;
}

/** The result of an advanced hunting query: the columns, the rows, and Defender's statistics if any. */
export interface HuntingResult {
  readonly schema: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  readonly stats?: { readonly executionTimeS?: number; readonly rowCount?: number };
}

/**
 * Microsoft Defender for Endpoint, as the services need it. Lookups of something unknown throw
 * `DEFENDER.NOT_FOUND`; every other failure throws one of `DEFENDER_ERROR_CODES`.
 */
export interface MdePort {
  /** Alerts changed at or after `since`, oldest pages first, with evidence. */
  listAlertsUpdatedSince(since: string, options?: { maxAlerts?: number }): Promise<Alert[]>;
  listAlerts(query: MdeAlertQuery): Promise<Alert[]>;
  getAlert(alertId: string): Promise<Alert>;
  /** Changes an alert; the returned alert is Defender's reply, which carries no evidence. */
  updateAlert(alertId: string, update: AlertUpdate): Promise<Alert>;
  /** The same change to several alerts at once (a tighter rate limit: 10 calls per minute). */
  updateAlerts(alertIds: readonly string[], update: AlertUpdate): Promise<void>;
  getAlertMachine(alertId: string): Promise<Machine>;
  getAlertUser(alertId: string): Promise<AlertUser>;
  /** A machine by its 40-hex id, its DNS name, or its short host name. */
  getMachine(idOrName: string): Promise<Machine>;
  findMachines(query: MachineQuery): Promise<Machine[]>;
  listMachineAlerts(machineId: string): Promise<Alert[]>;
  /** The users who log on to a machine (most recent first when Defender says when). */
  getMachineLogonUsers(machineId: string): Promise<MachineLogonUser[]>;
  /** The machines a user logs on to; a UPN or `DOMAIN\name` is reduced to the name. Unknown user: []. */
  getUserMachines(userName: string): Promise<Machine[]>;
  isolate(machineId: string, type: IsolationType, comment: string): Promise<MachineAction>;
  unisolate(machineId: string, comment: string): Promise<MachineAction>;
  runAntivirusScan(machineId: string, type: ScanType, comment: string): Promise<MachineAction>;
  collectInvestigationPackage(machineId: string, comment: string): Promise<MachineAction>;
  restrictCodeExecution(machineId: string, comment: string): Promise<MachineAction>;
  unrestrictCodeExecution(machineId: string, comment: string): Promise<MachineAction>;
  stopAndQuarantineFile(machineId: string, sha1: string, comment: string): Promise<MachineAction>;
  getMachineAction(actionId: string): Promise<MachineAction>;
  listMachineActions(query: MachineActionQuery): Promise<MachineAction[]>;
  /** Cancels a pending action; giving its type lets a refusal name the exact missing permission. */
  cancelMachineAction(actionId: string, comment: string, type?: MachineActionType): Promise<MachineAction>;
  /** A short-lived download link of a collected investigation package. */
  getInvestigationPackageUri(actionId: string): Promise<string>;
  runHuntingQuery(kql: string): Promise<HuntingResult>;
}
