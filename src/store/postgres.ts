import { BenchStoreError } from './errors.js';
import type { Row, SqlConn, SqlValue } from './sql.js';

interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string, params?: readonly SqlValue[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
  on(event: 'error', fn: (e: Error) => void): unknown;
}

/** `?` placeholders to PostgreSQL's `$1, $2, …` (no `?` appears in our SQL otherwise). */
const numbered = (sql: string): string => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

/** Connects to PostgreSQL (`postgres://user@host:port/db`) with one client; the same schema as SQLite. */
export async function openPostgres(url: string): Promise<SqlConn> {
  const moduleName: string = 'pg'; // loaded only for postgres:// stores; typed by PgClient above
  const { default: pg } = (await import(moduleName)) as {
    default: { Client: new (o: { connectionString: string }) => PgClient };
  };
  const client = new pg.Client({ connectionString: url });
  const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  client.on('error', () => undefined); // a dropped connection surfaces on the next query
  try {
    await client.connect();
  } catch (e) {
    throw new BenchStoreError(
      `PostgreSQL history ${safe} did not answer: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  const q = async (sql: string, params: readonly SqlValue[] = []): Promise<Row[]> => {
    try {
      return (await client.query(numbered(sql), params)).rows;
    } catch (e) {
      throw new BenchStoreError(`${safe}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  };
  let depth = 0;
  const conn: SqlConn = {
    dialect: 'postgres',
    exec: async (sql) => void (await q(sql)),
    run: async (sql, params) => void (await q(sql, params)),
    all: (sql, params) => q(sql, params),
    async transaction(fn) {
      if (depth > 0) return fn(conn);
      depth++;
      await q('BEGIN');
      try {
        const out = await fn(conn);
        await q('COMMIT');
        return out;
      } catch (e) {
        await q('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        depth--;
      }
    },
    close: () => client.end(),
  };
  return conn;
}
