import type { KqlCatalog, KqlResult } from '../../../src/simulator/hunting/kql-evaluator';
import { runKql } from '../../../src/simulator/hunting/kql-evaluator';
import type { KqlColumn, KqlRow, KqlScalar } from '../../../src/simulator/hunting/kql-types';

/** The query clock of the evaluator tests. */
export const NOW = Date.parse('2026-03-03T12:00:00Z');
const MINUTE = 60_000;

export const EVENT_COLUMNS: readonly KqlColumn[] = [
  { name: 'Timestamp', type: 'datetime' },
  { name: 'DeviceName', type: 'string' },
  { name: 'FileName', type: 'string' },
  { name: 'ProcessCommandLine', type: 'string' },
  { name: 'RemotePort', type: 'int' },
  { name: 'FileSize', type: 'long' },
  { name: 'Score', type: 'real' },
  { name: 'IsLocalAdmin', type: 'bool' },
];

/** Five small rows, each for a reason: case, nulls, empty strings, old and recent times. */
export const EVENT_ROWS: readonly KqlRow[] = [
  row(
    NOW - 10 * MINUTE,
    'ws-001',
    'powershell.exe',
    'powershell.exe -nop -enc SQBFAFgA',
    443,
    1000,
    1.5,
    true,
  ),
  row(
    NOW - 2 * 60 * MINUTE,
    'ws-002',
    'mimikatz.exe',
    'mimikatz.exe "sekurlsa::logonpasswords" exit',
    4444,
    2000,
    2.5,
    false,
  ),
  row(
    NOW - 3 * 24 * 60 * MINUTE,
    'WS-001',
    'cmd.exe',
    'cmd.exe /c vssadmin delete shadows /all /quiet',
    80,
    null,
    null,
    false,
  ),
  row(NOW - 40 * 24 * 60 * MINUTE, 'srv-01', 'svchost.exe', '', 445, 500, 0.5, true),
  row(NOW - 30 * MINUTE, 'ws-002', 'PowerShell.EXE', 'PowerShell.EXE -File encoder.ps1', 443, 1500, 3, false),
];

function row(
  Timestamp: number,
  DeviceName: string,
  FileName: string,
  ProcessCommandLine: string,
  RemotePort: number,
  FileSize: number | null,
  Score: number | null,
  IsLocalAdmin: boolean,
): KqlRow {
  return { Timestamp, DeviceName, FileName, ProcessCommandLine, RemotePort, FileSize, Score, IsLocalAdmin };
}

/** A catalog with one table, `Events`. */
export const CATALOG: KqlCatalog = {
  table: (name) => (name === 'Events' ? { columns: EVENT_COLUMNS, rows: () => EVENT_ROWS } : undefined),
  tableNames: () => ['Events'],
};

export function run(query: string, maxRows?: number): KqlResult {
  return runKql(query, CATALOG, maxRows === undefined ? { now: NOW } : { now: NOW, maxRows });
}

/** The values of one column of a query's result. */
export function column(query: string, name: string): KqlScalar[] {
  return run(query).rows.map((r) => r[name] ?? null);
}
