/**
 * `npm run audit:verify`: checks that Vigil's audit log is intact, entry by entry.
 *
 *   npm run audit:verify                    the database of VIGIL_DB (default ./data/vigil.db)
 *   npm run audit:verify -- --db <file>     another SQLite file
 *
 * The database is opened read-only. Each entry must name the hash of the entry before it and hash to
 * its own stored hash, so an edited, removed or reordered entry is found (removing only the newest
 * entries is not: compare the count printed here with one kept elsewhere).
 * Exit codes: 0 the chain holds, 1 it is broken (the first broken entry is named), 2 cannot check.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { sha256Hex } from '../src/adapters/audit/sha256-hex';
import { SqliteAuditRepository } from '../src/adapters/store/sqlite-audit-repository';
import { verifyChain } from '../src/domain/audit/chain';

const USAGE = 'usage: npm run audit:verify [-- --db <file>]   (default: VIGIL_DB, else ./data/vigil.db)';

/** The database to check: `--db <file>`, else `VIGIL_DB`, else Vigil's default; or a usage error. */
function databasePath(args: readonly string[], env: NodeJS.ProcessEnv): string | Error {
  if (args.length === 0) return env.VIGIL_DB ?? './data/vigil.db';
  if (args.length === 2 && args[0] === '--db' && args[1]) return args[1];
  return new Error(USAGE);
}

/** Runs the check and returns the exit code, writing the verdict to stdout and problems to stderr. */
function main(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const path = databasePath(args, env);
  if (path instanceof Error) {
    process.stderr.write(`${path.message}\n`);
    return 2;
  }
  if (/^postgres(ql)?:\/\//i.test(path)) {
    process.stderr.write('audit:verify reads SQLite files only for now.\n');
    return 2;
  }
  if (!existsSync(path)) {
    process.stderr.write(`No database at ${path}.\n`);
    return 2;
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const entries = new SqliteAuditRepository(db).all();
    const broken = verifyChain(entries, sha256Hex);
    if (broken !== undefined) {
      process.stdout.write(
        `BROKEN: ${broken.message} (${broken.reason}, entry ${broken.id ?? broken.index + 1})\n`,
      );
      return 1;
    }
    const last = entries.at(-1);
    const head = last === undefined ? '' : `, last entry ${last.id}, hash ${last.hash}`;
    process.stdout.write(`OK: ${entries.length} audit entries, chain intact${head}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`Cannot read the audit log of ${path}: ${(error as Error).message}\n`);
    return 2;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2), process.env);
