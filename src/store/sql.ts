/** The little SQL a store needs, over SQLite (node:sqlite or better-sqlite3) or PostgreSQL (pg). `?` placeholders. */
export type SqlValue = string | number | null;
export type Row = Readonly<Record<string, unknown>>;

export interface SqlConn {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  all(sql: string, params?: readonly SqlValue[]): Promise<readonly Row[]>;
  /** Runs `fn` in one transaction: committed whole, or rolled back whole when it throws. */
  transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
