import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, posix } from 'node:path';

/**
 * Docker cannot build on the machines that run these tests (no engine), so this checks what can be
 * checked without one: the runtime stage is slim, unprivileged and healthy, and every path the
 * Dockerfile copies exists in the repository or is made by the build stage.
 */

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const logical: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    const continued = /\\\s*$/.test(line);
    pending += `${line.replace(/\\\s*$/, '')} `;
    if (!continued) {
      if (pending.trim() !== '') logical.push(pending.trim());
      pending = '';
    }
  }
  return logical.map((entry) => {
    const [keyword = '', ...rest] = entry.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });
}

/** The instructions of each stage, by the name after `AS` (or its position). */
function stages(all: readonly Instruction[]): Map<string, Instruction[]> {
  const result = new Map<string, Instruction[]>();
  let current: Instruction[] | undefined;
  for (const instruction of all) {
    if (instruction.keyword === 'FROM') {
      const name = /\bAS\s+(\S+)/i.exec(instruction.args)?.[1] ?? String(result.size);
      current = [instruction];
      result.set(name, current);
    } else {
      current?.push(instruction);
    }
  }
  return result;
}

/** `COPY [--from=x] [--chown=y] src… dest` → the stage it copies from (if any), the sources, the destination. */
function copyOf(instruction: Instruction) {
  const words = instruction.args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
}

/** Whether `.dockerignore` keeps `path` out of the build context (the patterns this repository uses). */
function ignored(path: string, patterns: readonly string[]): boolean {
  let excluded = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).replace(/\/+$/, '');
    const regex = new RegExp(
      `^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/.*)?$`,
    );
    if (regex.test(path)) excluded = !negated;
  }
  return excluded;
}

const dockerfile = instructions(read('Dockerfile'));
const byStage = stages(dockerfile);
const runtime = [...byStage.values()].at(-1) ?? [];
const build = byStage.get('build') ?? [];
const of = (stage: readonly Instruction[], keyword: string) => stage.filter((i) => i.keyword === keyword);
const dockerignore = read('.dockerignore')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** The command of the runtime stage's HEALTHCHECK, in exec form. */
function healthcheckCommand(): string[] {
  const [healthcheck] = of(runtime, 'HEALTHCHECK');
  assert.ok(healthcheck, 'the runtime stage has no HEALTHCHECK');
  const exec = /\bCMD\s+(\[.*\])\s*$/.exec(healthcheck.args)?.[1];
  assert.ok(exec, 'the HEALTHCHECK command is not in exec form');
  return JSON.parse(exec) as string[];
}

function runHealthcheck(port: number): Promise<number | null> {
  const [command, ...args] = healthcheckCommand();
  assert.equal(command, 'node', 'the slim image has no curl: the health check must use node');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, PORT: String(port) } });
    child.on('exit', (code) => resolve(code));
  });
}

describe('Dockerfile', () => {
  it('should build in a full Node image and run in the slim one of the same Debian release', () => {
    const [buildFrom] = of(build, 'FROM');
    const [runtimeFrom] = of(runtime, 'FROM');
    assert.match(buildFrom?.args ?? '', /^node:\$\{NODE_VERSION\}-bookworm AS build$/);
    assert.match(runtimeFrom?.args ?? '', /^node:\$\{NODE_VERSION\}-bookworm-slim\b/);
    assert.ok(
      dockerfile.some((i) => i.keyword === 'ARG' && i.args === 'NODE_VERSION=20'),
      'the default Node version is not 20 (the version Vigil is tested on)',
    );
  });

  it('should run as an unprivileged user, set before the command', () => {
    const users = of(runtime, 'USER');
    assert.equal(users.length, 1);
    assert.ok(!['root', '0', '0:0'].includes(users[0]?.args ?? ''), 'USER must not be root');
    assert.ok(runtime.indexOf(users[0] as Instruction) < runtime.findIndex((i) => i.keyword === 'CMD'));
  });

  it('should start the compiled composition root, the path tsc writes src/index.ts to', () => {
    const [cmd] = of(runtime, 'CMD');
    const command = JSON.parse(cmd?.args ?? '[]') as string[];
    const buildConfig = JSON.parse(read('tsconfig.build.json')) as { extends: string };
    const base = JSON.parse(read(buildConfig.extends)) as {
      compilerOptions: { outDir: string; rootDir: string };
    };
    const compiled = posix.join(
      base.compilerOptions.outDir,
      posix.relative(base.compilerOptions.rootDir, 'src/index.ts').replace(/\.ts$/, '.js'),
    );
    assert.ok(existsSync(join(ROOT, 'src/index.ts')));
    assert.deepEqual(command, ['node', compiled]);
    assert.equal((JSON.parse(read('package.json')) as { main: string }).main, compiled);
  });

  it('should keep the store in a volume owned by that user, and listen on 3978', () => {
    const env = of(runtime, 'ENV')
      .map((i) => i.args)
      .join(' ');
    assert.match(env, /\bVIGIL_DB=\/data\/vigil\.db\b/);
    assert.match(env, /\bNODE_ENV=production\b/);
    assert.ok(of(runtime, 'VOLUME').some((i) => i.args.includes('/data')));
    const user = of(runtime, 'USER')[0]?.args ?? '';
    assert.ok(of(runtime, 'RUN').some((i) => i.args.includes(`chown ${user}:${user} /data`)));
    assert.deepEqual(
      of(runtime, 'EXPOSE').map((i) => i.args),
      ['3978'],
    );
  });

  it('should copy into the build stage only files that exist and that .dockerignore lets through', () => {
    const copies = build.filter((i) => i.keyword === 'COPY').map(copyOf);
    assert.ok(copies.length > 0);
    for (const { from, sources } of copies) {
      assert.equal(from, undefined);
      for (const source of sources) {
        assert.ok(existsSync(join(ROOT, source)), `${source} does not exist`);
        assert.ok(!ignored(source, dockerignore), `.dockerignore leaves ${source} out of the context`);
      }
    }
  });

  it('should give the compiler every folder the build reads', () => {
    const copied = build.filter((i) => i.keyword === 'COPY').flatMap((i) => copyOf(i).sources);
    const { include } = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    // scripts/ holds tooling (`npm run package`), which the running bot never loads.
    const roots = new Set(
      include.map((pattern) => pattern.split('/')[0] ?? '').filter((r) => r !== 'scripts'),
    );
    for (const root of roots) assert.ok(copied.includes(root), `the build stage does not copy ${root}/`);
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
      assert.ok(copied.includes(file), `the build stage does not copy ${file}`);
    }
  });

  it('should copy into the runtime only what the build stage made or received', () => {
    const workdir = of(build, 'WORKDIR')[0]?.args ?? '';
    const received = build.filter((i) => i.keyword === 'COPY').flatMap((i) => copyOf(i).sources);
    const runs = of(build, 'RUN').map((i) => i.args);
    const made: Record<string, boolean> = {
      node_modules: runs.some((r) => /\bnpm ci\b/.test(r)) && runs.some((r) => /--omit=dev/.test(r)),
      dist: runs.some((r) => /\bnpm run build\b/.test(r)),
    };
    const copies = runtime.filter((i) => i.keyword === 'COPY').map(copyOf);
    assert.deepEqual(
      copies.map((c) => c.from),
      ['build', 'build', 'build'],
    );
    for (const { sources } of copies) {
      for (const source of sources) {
        const path = posix.relative(workdir, source);
        assert.ok(
          received.includes(path) || made[path],
          `the build stage neither receives nor makes ${path}`,
        );
      }
    }
  });

  it('should keep secrets and local state out of the build context', () => {
    for (const path of ['.env', '.env.production', 'data/vigil.db', 'node_modules', 'dist']) {
      assert.ok(ignored(path, dockerignore), `.dockerignore lets ${path} through`);
    }
    assert.ok(!ignored('.env.sample', dockerignore));
  });

  describe('HEALTHCHECK', function () {
    this.timeout(15_000);
    let server: Server;
    let status = 200;
    let port: number;

    before(async () => {
      server = createServer((req, res) => {
        res.statusCode = req.url === '/healthz' ? status : 404;
        res.end('{}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('should pass when GET /healthz answers 200 on PORT', async () => {
      status = 200;
      assert.equal(await runHealthcheck(port), 0);
    });

    it('should fail when /healthz answers an error', async () => {
      status = 503;
      assert.equal(await runHealthcheck(port), 1);
    });

    it('should fail when nothing listens', async () => {
      const closed = await new Promise<number>((resolve) => {
        const probe = createServer();
        probe.listen(0, '127.0.0.1', () => {
          const free = (probe.address() as AddressInfo).port;
          probe.close(() => resolve(free));
        });
      });
      assert.equal(await runHealthcheck(closed), 1);
    });
  });
});
