import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchResult, Scenario } from './bench-kit';
import { actionsScenario } from './scenarios/actions';
import { cardScenario } from './scenarios/card';
import { clientBurstScenario } from './scenarios/client-burst';
import { ingestScenario } from './scenarios/ingest';
import { simulatorScenario } from './scenarios/simulator';
import { stormScenario } from './scenarios/storm';

/**
 * `npm run bench [-- scenario …]`: runs the benchmark scenarios (all, or those named), prints a table and
 * writes `bench/results.json`. Everything runs on loopback and stops by itself. Exits 1 when a scenario
 * throws (the others still run) or a name is unknown.
 */
const SCENARIOS: readonly Scenario[] = [
  ingestScenario,
  stormScenario,
  cardScenario,
  simulatorScenario,
  clientBurstScenario,
  actionsScenario,
];

function pickScenarios(names: readonly string[]): Scenario[] {
  if (names.length === 0) return [...SCENARIOS];
  const unknown = names.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  }
  return SCENARIOS.filter((scenario) => names.includes(scenario.name));
}

function table(results: readonly BenchResult[]): string {
  const rows = [
    ['scenario', 'metric', 'value', 'unit'],
    ...results.map((r) => [r.scenario, r.metric, String(r.value), r.unit]),
  ];
  const widths = [0, 1, 2, 3].map((col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, col) => (col === 2 ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<number> {
  let scenarios: Scenario[];
  try {
    scenarios = pickScenarios(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 2;
  }
  const results: BenchResult[] = [];
  const failed: string[] = [];
  for (const scenario of scenarios) {
    const started = Date.now();
    try {
      results.push(...(await scenario.run()));
      results.push({
        scenario: scenario.name,
        metric: 'scenario wall time',
        value: Date.now() - started,
        unit: 'ms',
      });
    } catch (error) {
      failed.push(scenario.name);
      console.error(`bench: scenario ${scenario.name} failed:`, error);
    }
  }
  process.stdout.write(`${table(results)}\n`);
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    machine: { cpus: cpus().length, memGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10 },
    results,
  };
  const file = join(__dirname, 'results.json');
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwrote ${file}\n`);
  if (failed.length > 0) {
    console.error(`bench: ${failed.length} scenario(s) failed: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench:', error);
    process.exitCode = 1;
  },
);
