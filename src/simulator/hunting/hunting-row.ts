import { createHash } from 'node:crypto';
import type { KqlColumn, KqlRow, KqlScalar } from './kql-types';

/** A row with every column of the table: unset strings are '' (KQL strings are never null), others null. */
export function completeRow(
  columns: readonly KqlColumn[],
  values: Readonly<Record<string, KqlScalar>>,
): KqlRow {
  const row: Record<string, KqlScalar> = {};
  for (const { name, type } of columns) row[name] = values[name] ?? (type === 'string' ? '' : null);
  return row;
}

const hashes = new Map<string, string>();

/** A stable fake SHA1 or SHA256 of a file (the same file name gives the same hash on every machine). */
export function fileHash(algorithm: 'sha1' | 'sha256', fileName: string): string {
  const key = `${algorithm}|${fileName.toLowerCase()}`;
  let hash = hashes.get(key);
  if (hash === undefined) {
    hash = createHash(algorithm).update(`vigil-simulator|${key}`).digest('hex');
    hashes.set(key, hash);
  }
  return hash;
}
