import type { MdeEvidence } from '../model/mde-types';

/** Every evidence key MDE sends, in its order; a key without a value is null. */
export const EVIDENCE_KEYS = [
  'entityType',
  'evidenceCreationTime',
  'sha1',
  'sha256',
  'fileName',
  'filePath',
  'processId',
  'processCommandLine',
  'processCreationTime',
  'parentProcessId',
  'parentProcessCreationTime',
  'parentProcessFileName',
  'parentProcessFilePath',
  'ipAddress',
  'url',
  'registryKey',
  'registryHive',
  'registryValueType',
  'registryValue',
  'accountName',
  'domainName',
  'userSid',
  'aadUserId',
  'userPrincipalName',
  'detectionStatus',
] as const satisfies ReadonlyArray<keyof MdeEvidence>;

/** An evidence item with every key present: given values kept, the rest null. */
export function makeEvidence(
  given: Partial<MdeEvidence> & Pick<MdeEvidence, 'entityType' | 'evidenceCreationTime'>,
): MdeEvidence {
  const source = given as Record<string, unknown>;
  const evidence: Record<string, unknown> = {};
  for (const key of EVIDENCE_KEYS) evidence[key] = source[key] ?? null;
  return evidence as unknown as MdeEvidence;
}

type MissingEvidenceKeys = Exclude<keyof MdeEvidence, (typeof EVIDENCE_KEYS)[number]>;
/** Fails to compile when `MdeEvidence` gains a key that `EVIDENCE_KEYS` does not name. */
export const EVIDENCE_KEYS_COMPLETE: [MissingEvidenceKeys] extends [never] ? true : never = true;
