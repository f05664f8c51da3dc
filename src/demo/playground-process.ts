import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { PLAYGROUND_PRELOAD } from './playground-preload';

/** A running playground CLI process, killed with everything it started. */
export interface PlaygroundProcess {
  readonly pid: number;
  /** The port from its "Listening on N" line (it moves to a random port when the asked one is taken). */
  readonly listening: Promise<number>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once it has exited. */
  kill(graceMs?: number): Promise<void>;
}

export interface SpawnPlaygroundOptions {
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly log?: (line: string) => void;
}

/** The playground's CLI script, resolved from its package's `bin` (never through npx). */
export function playgroundCliPath(): string {
  const manifestPath = require.resolve('@microsoft/m365agentsplayground/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const bin = manifest.bin.agentsplayground ?? Object.values(manifest.bin)[0];
  if (bin === undefined) throw new Error(`${manifestPath} declares no bin.`);
  return join(dirname(manifestPath), bin);
}

/**
 * Starts the playground CLI under this Node with `args`, in its own process group, behind
 * `PLAYGROUND_PRELOAD` (loopback only; ends when the IPC channel to us closes), and makes sure it does
 * not outlive this process: an `exit` hook kills its group.
 */
export function spawnPlayground(options: SpawnPlaygroundOptions): PlaygroundProcess {
  const preload = join(options.cwd, 'vigil-playground-preload.cjs');
  writeFileSync(preload, PLAYGROUND_PRELOAD);
  const ownGroup = process.platform !== 'win32';
  const child = spawn(process.execPath, ['--require', preload, playgroundCliPath(), ...options.args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: ownGroup,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('The Agents Playground process could not be spawned.');

  const signal = (name: NodeJS.Signals) => {
    try {
      if (ownGroup) process.kill(-pid, name);
      else child.kill(name);
    } catch {
      // ESRCH: the group is already gone, which is what we want.
    }
  };
  const killOnExit = () => signal('SIGKILL');
  process.on('exit', killOnExit);

  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, sig) => {
      process.off('exit', killOnExit);
      // Children it may have started (a browser opener) share its group: end them too.
      signal('SIGKILL');
      resolve(code ?? sig ?? 'unknown');
    });
  });
  const listening = new Promise<number>((resolve) => {
    forEachLine(child.stdout, (line) => {
      const match = /^Listening on (\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
      options.log?.(line);
    });
    forEachLine(child.stderr, (line) => options.log?.(line));
  });

  let killing: Promise<void> | undefined;
  const kill = (graceMs = 5000): Promise<void> => {
    killing ??= (async () => {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    })();
    return killing;
  };
  return { pid, listening, exited, kill };
}

function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (stream === null) return;
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', onLine);
}
