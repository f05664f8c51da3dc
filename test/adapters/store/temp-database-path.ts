import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh SQLite file path in a temporary folder per test (not created), removed after the test. */
export function useTempDatabasePath(fileName = 'vigil.db'): () => string {
  let folder: string | undefined;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'vigil-store-'));
  });
  afterEach(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });
  return () => {
    if (folder === undefined) throw new Error('No temporary folder outside a test.');
    return join(folder, 'nested', fileName);
  };
}
