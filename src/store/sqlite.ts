import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { BenchStoreError } from './errors.js';
import type { Row, SqlConn, SqlValue } from './sql.js';

/** What node:sqlite's DatabaseSync and better-sqlite3's Database have in common. */
interface SyncDb {
  exec(sql: string): unknown;
  prepare(sql: string): { run(...p: SqlValue[]): unknown; all(...p: SqlValue[]): unknown[] };
  close(): unknown;
}

export type SqliteDriver = 'node:sqlite' | 'better-sqlite3';

const require = createRequire(import.meta.url);

/**
 * node:sqlite where the runtime has it (Node ≥ 22.5: no native add-on, so no ABI to match), better-sqlite3 12.x
 * otherwise (Node 20). `prefer` forces one (tests run both where both load).
 */
function openDb(file: string, prefer?: SqliteDriver): { db: SyncDb; driver: SqliteDriver } {
  const errors: string[] = [];
  const order: SqliteDriver[] = prefer ? [prefer] : ['node:sqlite', 'better-sqlite3'];
  for (const driver of order) {
    try {
      if (driver === 'node:sqlite') {
        const { DatabaseSync } = require('node:sqlite') as { DatabaseSync: new (f: string) => SyncDb };
        return { db: new DatabaseSync(file), driver };
      }
      const Database = require('better-sqlite3') as new (f: string) => SyncDb;
      return { db: new Database(file), driver };
    } catch (e) {
      errors.push(`${driver}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  throw new BenchStoreError(`cannot open SQLite history ${file} (${errors.join('; ')})`);
}

/** Opens (creating) an SQLite file in WAL mode with full fsync on commit: a commit survives kill -9 and power loss. */
export function openSqlite(file: string, prefer?: SqliteDriver): SqlConn & { readonly driver: SqliteDriver } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const { db, driver } = openDb(file, prefer);
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  const wrap = (e: unknown, sql: string): BenchStoreError =>
    new BenchStoreError(
      `${file}: ${e instanceof Error ? e.message : String(e)} (in ${sql.trim().split(/\s+/).slice(0, 4).join(' ')} …)`,
      { cause: e },
    );
  let depth = 0;
  const conn: SqlConn & { driver: SqliteDriver } = {
    dialect: 'sqlite',
    driver,
    exec: async (sql) => {
      try {
        db.exec(sql);
      } catch (e) {
        throw wrap(e, sql);
      }
    },
    run: async (sql, params = []) => {
      try {
        db.prepare(sql).run(...params);
      } catch (e) {
        throw wrap(e, sql);
      }
    },
    all: async (sql, params = []) => {
      try {
        return db.prepare(sql).all(...params) as Row[];
      } catch (e) {
        throw wrap(e, sql);
      }
    },
    async transaction(fn) {
      if (depth > 0) return fn(conn);
      depth++;
      db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(conn);
        db.exec('COMMIT');
        return out;
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      } finally {
        depth--;
      }
    },
    close: async () => {
      db.close();
    },
  };
  return conn;
}
