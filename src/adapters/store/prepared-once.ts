import type Database from 'better-sqlite3';

/** Statements by SQL text, each prepared the first time it is asked for and reused after. */
export interface PreparedOnce {
  get<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R>;
}

/**
 * Prepares statements on first use. A repository whose table a later migration creates uses this, so a
 * store opened on fewer migrations (as tests do) still opens: only a call on that repository fails.
 */
export function preparedOnce(db: Database.Database): PreparedOnce {
  const cache = new Map<string, Database.Statement>();
  return {
    get<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        cache.set(sql, statement);
      }
      return statement as unknown as Database.Statement<P, R>;
    },
  };
}
