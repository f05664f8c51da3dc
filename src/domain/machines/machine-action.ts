/** The kinds of machine action Vigil can ask Defender for. */
export const MACHINE_ACTION_TYPES = [
  'Isolate',
  'Unisolate',
  'RunAntiVirusScan',
  'CollectInvestigationPackage',
  'RestrictCodeExecution',
  'UnrestrictCodeExecution',
  'StopAndQuarantineFile',
] as const;
export type MachineActionType = (typeof MACHINE_ACTION_TYPES)[number];

/** A machine action's status as Defender reports it. */
export const MACHINE_ACTION_STATUSES = [
  'Pending',
  'InProgress',
  'Succeeded',
  'Failed',
  'TimeOut',
  'Cancelled',
] as const;
export type MachineActionStatus = (typeof MACHINE_ACTION_STATUSES)[number];

/** The statuses after which an action no longer changes. */
export function isFinalActionStatus(status: MachineActionStatus): boolean {
  return status === 'Succeeded' || status === 'Failed' || status === 'TimeOut' || status === 'Cancelled';
}

export type IsolationType = 'Full' | 'Selective';
export type ScanType = 'Quick' | 'Full';

/** A machine action, normalized. Times are ISO-8601 UTC strings. */
export interface MachineAction {
  readonly id: string;
  readonly type: MachineActionType;
  /** `Full`/`Selective` for isolation, `Quick`/`Full` for a scan. */
  readonly scope?: string;
  readonly status: MachineActionStatus;
  readonly machineId: string;
  readonly machineName?: string;
  readonly requestor?: string;
  readonly comment?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly cancellationRequestor?: string;
  readonly cancellationComment?: string;
}
