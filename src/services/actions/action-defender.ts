import type { MdePort } from '../ports/defender.port';
import type { McasPort } from '../ports/mcas.port';

/** The Defender calls response actions make. */
export type ActionMde = Pick<
  MdePort,
  | 'isolate'
  | 'unisolate'
  | 'runAntivirusScan'
  | 'getMachineAction'
  | 'listMachineActions'
  | 'updateAlert'
  | 'getAlert'
>;

/** The Defender for Cloud Apps calls of resolving a Cloud Apps alert (absent when MCAS is not configured). */
export type ActionMcas = Pick<
  McasPort,
  'closeBenign' | 'closeFalsePositive' | 'closeTruePositive' | 'getAlert'
>;
