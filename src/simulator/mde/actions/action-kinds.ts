/** The machine actions the simulator serves, one row per `POST /api/machines/{id}/<segment>` route. */

/** A body parameter of a machine action (names are case-sensitive PascalCase, as in MDE). */
export interface BodyParam {
  readonly name: string;
  readonly required: boolean;
  /** Allowed values (matched case-insensitively, answered in this spelling). */
  readonly allowed?: readonly string[];
}

export type MachineActionType =
  | 'Isolate'
  | 'Unisolate'
  | 'RunAntiVirusScan'
  | 'CollectInvestigationPackage'
  | 'RestrictCodeExecution'
  | 'UnrestrictCodeExecution'
  | 'StopAndQuarantineFile';

export interface ActionKind {
  /** Last path segment of the route, as MDE spells it. */
  readonly segment: string;
  readonly type: MachineActionType;
  /** The application role the route needs (defender-api.md §1). */
  readonly role: string;
  /**
   * Actions of one conflict family cannot run side by side on a machine: a request while one of them is
   * Pending or InProgress gets 400 `ActiveRequestAlreadyExists`. Isolate/Unisolate share a family, as do
   * Restrict/Unrestrict, because each pair drives the same machine state.
   */
  readonly family: string;
  /** Body parameters besides `Comment`, which every action requires. */
  readonly params: readonly BodyParam[];
  /** The body parameter whose value becomes the action's `scope`, if any. */
  readonly scopeParam?: string;
  /** Title shown for the action, e.g. in the portal's action centre. */
  readonly title: string;
}

export const ISOLATION_TYPES = ['Full', 'Selective', 'UnManagedDevice'] as const;
export const SCAN_TYPES = ['Quick', 'Full'] as const;
/** IsolationType when the body leaves it out (undocumented; Full is the portal's default). */
export const DEFAULT_ISOLATION_TYPE = 'Full';

/** Every machine action route, in the order defender-api.md §4 lists them. */
export const ACTION_KINDS: readonly ActionKind[] = [
  {
    segment: 'isolate',
    type: 'Isolate',
    role: 'Machine.Isolate',
    family: 'isolation',
    params: [{ name: 'IsolationType', required: false, allowed: ISOLATION_TYPES }],
    scopeParam: 'IsolationType',
    title: 'Isolate device',
  },
  {
    segment: 'unisolate',
    type: 'Unisolate',
    role: 'Machine.Isolate',
    family: 'isolation',
    params: [],
    title: 'Release device from isolation',
  },
  {
    segment: 'runAntiVirusScan',
    type: 'RunAntiVirusScan',
    role: 'Machine.Scan',
    family: 'scan',
    params: [{ name: 'ScanType', required: true, allowed: SCAN_TYPES }],
    scopeParam: 'ScanType',
    title: 'Run antivirus scan',
  },
  {
    segment: 'collectInvestigationPackage',
    type: 'CollectInvestigationPackage',
    role: 'Machine.CollectForensics',
    family: 'collect',
    params: [],
    title: 'Collect investigation package',
  },
  {
    segment: 'restrictCodeExecution',
    type: 'RestrictCodeExecution',
    role: 'Machine.RestrictExecution',
    family: 'code-execution',
    params: [],
    title: 'Restrict app execution',
  },
  {
    segment: 'unrestrictCodeExecution',
    type: 'UnrestrictCodeExecution',
    role: 'Machine.RestrictExecution',
    family: 'code-execution',
    params: [],
    title: 'Remove app execution restriction',
  },
  {
    segment: 'StopAndQuarantineFile',
    type: 'StopAndQuarantineFile',
    role: 'Machine.StopAndQuarantine',
    family: 'stop-and-quarantine',
    params: [{ name: 'Sha1', required: true }],
    title: 'Stop and quarantine file',
  },
];

/** The kind of an action type, e.g. to find the role needed to cancel it. */
export function actionKindOf(type: string): ActionKind | undefined {
  return ACTION_KINDS.find((kind) => kind.type === type);
}
