import { createHash } from 'node:crypto';
import { dotNetTicks, mixInt } from './mde-time';

/** SHA-1 of a text as 40 lowercase hex characters. */
export function sha1Hex(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** SHA-256 of a text as 64 lowercase hex characters. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A stable non-negative 31-bit integer from a text. */
export function hashInt(text: string): number {
  return Number.parseInt(sha256Hex(text).slice(0, 8), 16) & 0x7fffffff;
}

/** A machine id as MDE writes them (40 hex characters), stable for a DNS name. */
export function machineIdFor(dnsName: string): string {
  return sha1Hex(`machine:${dnsName.toLowerCase()}`);
}

/** A stable GUID-shaped id from a seed text (e.g. detector ids, AAD device ids). */
export function guidFrom(seed: string): string {
  const hex = sha256Hex(`guid:${seed}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A stable MAC address from a seed text (upper-case hex without separators, as MDE sends it). */
export function macFrom(seed: string): string {
  return sha1Hex(`mac:${seed}`).slice(0, 12).toUpperCase();
}

/** An alert id of MDE's form `da637…_…` that is the same on every start, for the initial estate. */
export function estateAlertId(seed: string): string {
  const hex = sha256Hex(`alert:${seed}`);
  const digits = (BigInt(`0x${hex.slice(0, 15)}`) % 10n ** 15n).toString().padStart(15, '0');
  return `da637${digits}_${hashInt(`suffix:${seed}`)}`;
}

/** An alert id of MDE's form: `da` + the .NET ticks of its creation + `_` + a number (`seq` keeps it unique). */
export function newAlertId(createdMs: number, seq: number): string {
  return `da${dotNetTicks(createdMs, seq)}_${mixInt(seq ^ 0x5bd1e995) & 0x7fffffff}`;
}
