import type { SqlConn } from './sql.js';

/** One schema step. Statements are portable between SQLite and PostgreSQL; applied once each, in order. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, environments, samples, failures',
    statements: [
      `CREATE TABLE runs (id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, suite TEXT NOT NULL,
        target TEXT NOT NULL, repeats INTEGER NOT NULL, labels TEXT NOT NULL)`,
      'CREATE INDEX runs_started_at ON runs (started_at)',
      `CREATE TABLE environments (run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE, kubernetes_version TEXT,
        node_type TEXT, cni TEXT, node_count INTEGER, kernel TEXT, cpu_model TEXT, cpus INTEGER, hostname TEXT, tools TEXT NOT NULL)`,
      `CREATE TABLE samples (run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE, metric TEXT NOT NULL,
        subject TEXT NOT NULL, rep INTEGER NOT NULL, value DOUBLE PRECISION NOT NULL, unit TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')), PRIMARY KEY (run_id, metric, subject, rep))`,
      'CREATE INDEX samples_metric ON samples (metric, subject)',
      `CREATE TABLE failures (run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE, test TEXT NOT NULL,
        rep INTEGER NOT NULL, reason TEXT NOT NULL)`,
    ],
  },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** Brings the schema up to date: each migration in its own transaction, recorded in schema_migrations. */
export async function migrate(conn: SqlConn, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  await conn.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  let applied = 0;
  for (const m of migrations) {
    const done = await conn.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.exec('SELECT pg_advisory_xact_lock(7316016)');
      const rows = await tx.all('SELECT version FROM schema_migrations WHERE version = ?', [m.version]);
      if (rows.length > 0) return false;
      for (const s of m.statements) await tx.exec(s);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (done) applied++;
  }
  return applied;
}
