/** The Defender risk and exposure scales of a machine. */
export type MachineRisk = 'none' | 'informational' | 'low' | 'medium' | 'high' | 'unknown';
export type MachineExposure = 'none' | 'low' | 'medium' | 'high' | 'unknown';

/** A machine known to Defender for Endpoint, normalized. Times are ISO-8601 UTC strings. */
export interface Machine {
  readonly id: string;
  readonly name: string;
  readonly osPlatform: string;
  readonly osVersion?: string;
  readonly riskScore: MachineRisk;
  readonly exposureLevel: MachineExposure;
  readonly healthStatus: string;
  readonly tags: readonly string[];
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly lastIpAddress?: string;
  readonly deviceValue?: string;
  readonly rbacGroupName?: string;
}

/** A user who logs on to a machine, as MDE reports it (`GET /api/machines/{id}/logonusers`). */
export interface MachineLogonUser {
  /** The account name, e.g. `alice`. */
  readonly name: string;
  readonly domain?: string;
  readonly lastSeen?: string;
  /** MDE says the account is a domain admin. */
  readonly isDomainAdmin?: boolean;
}
