import type { MachineActionType } from '../../domain/machines/machine-action';

/**
 * The least application permission of the WindowsDefenderATP API each MDE route needs
 * (defender-api.md §1), keyed by `METHOD template`. A 403 names it so an admin knows what to grant.
 */
export const MDE_REQUIRED_PERMISSIONS: Readonly<Record<string, string>> = {
  'GET /api/alerts': 'Alert.Read.All',
  'GET /api/alerts/{id}': 'Alert.Read.All',
  'PATCH /api/alerts/{id}': 'Alert.ReadWrite.All',
  'POST /api/alerts/batchUpdate': 'Alert.ReadWrite.All',
  'GET /api/alerts/{id}/machine': 'Machine.Read.All',
  'GET /api/alerts/{id}/user': 'User.Read.All',
  'GET /api/machines': 'Machine.Read.All',
  'GET /api/machines/{id}': 'Machine.Read.All',
  'GET /api/machines/{id}/alerts': 'Alert.Read.All',
  'GET /api/machines/{id}/logonusers': 'User.Read.All',
  'GET /api/users/{id}/machines': 'Machine.Read.All',
  'POST /api/machines/{id}/isolate': 'Machine.Isolate',
  'POST /api/machines/{id}/unisolate': 'Machine.Isolate',
  'POST /api/machines/{id}/runAntiVirusScan': 'Machine.Scan',
  'POST /api/machines/{id}/collectInvestigationPackage': 'Machine.CollectForensics',
  'POST /api/machines/{id}/restrictCodeExecution': 'Machine.RestrictExecution',
  'POST /api/machines/{id}/unrestrictCodeExecution': 'Machine.RestrictExecution',
  'POST /api/machines/{id}/StopAndQuarantineFile': 'Machine.StopAndQuarantine',
  'GET /api/machineactions': 'Machine.Read.All',
  'GET /api/machineactions/{id}': 'Machine.Read.All',
  'GET /api/machineactions/{id}/getPackageUri': 'Machine.CollectForensics',
  'POST /api/advancedqueries/run': 'AdvancedQuery.Read.All',
};

/** The permissions of Defender for Cloud Apps (for an Entra app; an API token has its admin's rights). */
export const MCAS_REQUIRED_PERMISSIONS: Readonly<Record<string, string>> = {
  'POST /api/v1/alerts/': 'Investigation.read',
  'GET /api/v1/alerts/{id}/': 'Investigation.read',
  'POST /api/v1/alerts/{id}/read/': 'Investigation.read',
  'POST /api/v1/alerts/{id}/unread/': 'Investigation.read',
  'POST /api/v1/alerts/close_benign/': 'Investigation.manage',
  'POST /api/v1/alerts/close_false_positive/': 'Investigation.manage',
  'POST /api/v1/alerts/close_true_positive/': 'Investigation.manage',
};

const ACTION_PERMISSIONS: Readonly<Record<MachineActionType, string>> = {
  Isolate: 'Machine.Isolate',
  Unisolate: 'Machine.Isolate',
  RunAntiVirusScan: 'Machine.Scan',
  CollectInvestigationPackage: 'Machine.CollectForensics',
  RestrictCodeExecution: 'Machine.RestrictExecution',
  UnrestrictCodeExecution: 'Machine.RestrictExecution',
  StopAndQuarantineFile: 'Machine.StopAndQuarantine',
};

/** Cancelling an action needs the permission of the action itself. */
export function cancelPermission(type: MachineActionType | undefined): string {
  return type === undefined
    ? 'the permission of the action being cancelled (e.g. Machine.Isolate)'
    : ACTION_PERMISSIONS[type];
}

/** The permission a route needs, or undefined when it is not in the tables. */
export function requiredPermission(routeKey: string): string | undefined {
  return MDE_REQUIRED_PERMISSIONS[routeKey] ?? MCAS_REQUIRED_PERMISSIONS[routeKey];
}
