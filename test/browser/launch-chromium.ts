import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`, which `.ci/run` does) driven by `playwright-core`: no
 * browser download, as none works on this kind of machine (node-svc.md, "Known to fail").
 */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * The flags that keep Chromium headless, off the GPU and off the network (node-svc.md, "Known to work"):
 * without the background-networking ones it keeps trying Google's hosts, which this machine refuses.
 * The user-data-dir is a new empty one per launch (see `launchChromium`).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium is looked for: `CHROMIUM_PATH` if set, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH?.trim();
  return configured ? configured : DEFAULT_CHROMIUM_PATH;
}

/** The line a run without Chromium prints and skips with. */
export function chromiumMissingMessage(path: string): string {
  return `Chromium not found at ${path}: the browser test is skipped (CI installs it; locally: apt-get install chromium)`;
}

/** The path of an installed Chromium, or the reason there is none. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
): { found: true; path: string } | { found: false; message: string } {
  const path = chromiumPath(env);
  return existsSync(path) ? { found: true, path } : { found: false, message: chromiumMissingMessage(path) };
}

/** A running headless Chromium: its one browser context, closed (profile removed) by `close`. */
export interface LaunchedChromium {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile; safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly viewport?: { width: number; height: number };
}

/**
 * Starts Chromium at `executablePath` with `CHROMIUM_ARGS` and a new empty profile in a temporary folder
 * (Playwright passes it as `--user-data-dir`; it refuses that flag in `args`). `XDG_CONFIG_HOME` points
 * into the same folder: Debian's build keeps its crash reporter's database there (`chromium/Crash
 * Reports`), in `~/.config` otherwise, whatever the profile.
 */
export async function launchChromium(
  executablePath: string,
  options: LaunchOptions = {},
): Promise<LaunchedChromium> {
  const root = mkdtempSync(join(tmpdir(), 'vigil-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(join(root, 'profile'), {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      env: { ...process.env, XDG_CONFIG_HOME: join(root, 'config') },
      viewport: options.viewport ?? { width: 1280, height: 1000 },
      timeout: 30_000,
    });
  } catch (error) {
    await endProcesses(processesUsing(root), root);
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    context,
    close() {
      if (closed) return closed;
      const ids = processesUsing(root);
      closed = context
        .close()
        .catch(() => undefined)
        .then(() => endProcesses(ids, root))
        .finally(() => rmSync(root, { recursive: true, force: true }));
      return closed;
    },
  };
}

/**
 * The ids of the processes whose command line names `folder`: this launch's Chromium, including the
 * crash reporter handlers it starts detached (their parent is init, so closing the browser does not wait
 * for them).
 */
function processesUsing(folder: string): number[] {
  const ids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(folder)) ids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return ids;
}

/** Whether process `id` still exists, running or exited but not yet reaped (a zombie). */
function exists(id: number): boolean {
  return existsSync(`/proc/${id}`);
}

/**
 * Waits up to `graceMs` for this launch's processes (`ids`, and any other naming `folder`) to be gone,
 * kills what still runs, then waits the rest of the grace for them to be reaped. The crash handlers and
 * zygotes outlive the browser by a moment, as children of init, which reaps them within seconds.
 */
async function endProcesses(ids: readonly number[], folder: string, graceMs = 5000): Promise<void> {
  if (!existsSync('/proc')) return;
  const deadline = Date.now() + graceMs;
  const left = () => [...new Set([...ids.filter(exists), ...processesUsing(folder)])];
  while (left().length > 0 && Date.now() < deadline - graceMs / 2) await pause(100);
  for (const id of processesUsing(folder)) {
    try {
      process.kill(id, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  while (left().length > 0 && Date.now() < deadline) await pause(100);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
