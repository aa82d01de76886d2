import type { BenchEnvironment, BenchFailure, BenchRun, MetricSample, SuiteName } from '../model/bench.js';
import { migrate } from './schema.js';
import type { Row, SqlConn, SqlValue } from './sql.js';

/** A run without its samples, for `bench history`. */
export interface RunSummary {
  readonly id: string;
  readonly startedAt: string;
  readonly suite: SuiteName;
  readonly target: BenchRun['environment']['target'];
  readonly repeats: number;
  readonly samples: number;
  readonly failures: number;
}

/** The bench history: one transaction per run, so a run is stored whole or not at all. */
export interface BenchStore {
  readonly location: string;
  saveRun(run: BenchRun): Promise<void>;
  /** Newest first. */
  listRuns(options?: { readonly limit?: number; readonly suite?: SuiteName }): Promise<readonly RunSummary[]>;
  getRun(id: string): Promise<BenchRun | undefined>;
  /** Newest first, with samples (for baselines). */
  recentRuns(options: { readonly limit: number; readonly suite?: SuiteName }): Promise<readonly BenchRun[]>;
  close(): Promise<void>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

function environmentOf(r: Row, target: BenchEnvironment['target']): BenchEnvironment {
  const pick = {
    kubernetesVersion: str(r['kubernetes_version']),
    nodeType: str(r['node_type']),
    cni: str(r['cni']),
    nodeCount: int(r['node_count']),
    kernel: str(r['kernel']),
    cpuModel: str(r['cpu_model']),
    cpus: int(r['cpus']),
    hostname: str(r['hostname']),
  };
  const defined = Object.fromEntries(Object.entries(pick).filter(([, v]) => v !== undefined));
  return { target, ...defined, tools: JSON.parse(str(r['tools']) ?? '{}') as Record<string, string> };
}

async function insertRun(tx: SqlConn, run: BenchRun): Promise<void> {
  const e = run.environment;
  await tx.run(
    'INSERT INTO runs (id, started_at, finished_at, suite, target, repeats, labels) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [run.id, run.startedAt, run.finishedAt, run.suite, e.target, run.repeats, JSON.stringify(run.labels ?? {})],
  );
  const env: SqlValue[] = [
    e.kubernetesVersion,
    e.nodeType,
    e.cni,
    e.nodeCount,
    e.kernel,
    e.cpuModel,
    e.cpus,
    e.hostname,
  ].map((v) => v ?? null);
  await tx.run(
    'INSERT INTO environments (run_id, kubernetes_version, node_type, cni, node_count, kernel, cpu_model, cpus, hostname, tools) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [run.id, ...env, JSON.stringify(e.tools ?? {})],
  );
  for (const s of run.samples)
    await tx.run(
      'INSERT INTO samples (run_id, metric, subject, rep, value, unit, direction) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [run.id, s.metric, s.subject, s.repeat, s.value, s.unit, s.direction],
    );
  for (const f of run.failures)
    await tx.run('INSERT INTO failures (run_id, test, rep, reason) VALUES (?, ?, ?, ?)', [
      run.id,
      f.test,
      f.repeat,
      f.reason,
    ]);
}

async function loadRun(conn: SqlConn, r: Row): Promise<BenchRun> {
  const id = String(r['id']);
  const env = (await conn.all('SELECT * FROM environments WHERE run_id = ?', [id]))[0] ?? {};
  const samples = await conn.all(
    'SELECT metric, subject, rep, value, unit, direction FROM samples WHERE run_id = ? ORDER BY metric, subject, rep',
    [id],
  );
  const failures = await conn.all('SELECT test, rep, reason FROM failures WHERE run_id = ? ORDER BY test, rep', [id]);
  return {
    id,
    startedAt: String(r['started_at']),
    finishedAt: String(r['finished_at']),
    suite: String(r['suite']) as SuiteName,
    repeats: Number(r['repeats']),
    environment: environmentOf(env, String(r['target']) as BenchEnvironment['target']),
    labels: JSON.parse(String(r['labels'])) as Record<string, string>,
    samples: samples.map((s): MetricSample => ({
      metric: String(s['metric']),
      subject: String(s['subject']),
      repeat: Number(s['rep']),
      value: Number(s['value']),
      unit: String(s['unit']) as MetricSample['unit'],
      direction: String(s['direction']) as MetricSample['direction'],
    })),
    failures: failures.map((f): BenchFailure => ({
      test: String(f['test']),
      repeat: Number(f['rep']),
      reason: String(f['reason']),
    })),
  };
}

const runsQuery = (suite: SuiteName | undefined, limit: number): [string, SqlValue[]] => [
  `SELECT * FROM runs${suite ? ' WHERE suite = ?' : ''} ORDER BY started_at DESC, id DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
  suite ? [suite] : [],
];

/** A BenchStore over any SqlConn; migrates the schema on open. */
export async function benchStore(conn: SqlConn, location: string): Promise<BenchStore> {
  await migrate(conn);
  return {
    location,
    saveRun: (run) => conn.transaction((tx) => insertRun(tx, run)),
    async listRuns({ limit = 20, suite } = {}) {
      const rows = await conn.all(...runsQuery(suite, limit));
      const out: RunSummary[] = [];
      for (const r of rows) {
        const id = String(r['id']);
        const [n] = await conn.all('SELECT COUNT(*) AS n FROM samples WHERE run_id = ?', [id]);
        const [f] = await conn.all('SELECT COUNT(*) AS n FROM failures WHERE run_id = ?', [id]);
        out.push({
          id,
          startedAt: String(r['started_at']),
          suite: String(r['suite']) as SuiteName,
          target: String(r['target']) as RunSummary['target'],
          repeats: Number(r['repeats']),
          samples: Number(n?.['n'] ?? 0),
          failures: Number(f?.['n'] ?? 0),
        });
      }
      return out;
    },
    async getRun(id) {
      const [r] = await conn.all('SELECT * FROM runs WHERE id = ?', [id]);
      return r ? loadRun(conn, r) : undefined;
    },
    async recentRuns({ limit, suite }) {
      const rows = await conn.all(...runsQuery(suite, limit));
      const out: BenchRun[] = [];
      for (const r of rows) out.push(await loadRun(conn, r));
      return out;
    },
    close: () => conn.close(),
  };
}
