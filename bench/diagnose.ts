/**
 * `npm run bench:diagnose`: `kubetune diagnose` against a real Prometheus holding a large cluster's history.
 *
 * Backfills (setup, timed apart) the node-exporter series of N nodes plus the control plane (apiserver, etcd,
 * scheduler, controller-manager, kubelet) with the scenario generator of test/e2e, once for a baseline size and
 * once for the target size, then runs `diagnose` in its own Node process for each and reports:
 * total time, query count (which must not grow with the node count: queries aggregate in PromQL and return topk),
 * peak RSS of the diagnose process and of Prometheus. Figures are printed as ratios to the baseline of this run.
 *
 *   npx tsx bench/diagnose.ts [--nodes 5000] [--baseline 500] [--minutes 65] [--step 60]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { main } from '../src/cli/main.js';
import { clusterFamilies } from '../test/e2e/diagnose-scenarios.js';
import { startBackfilledPrometheus, type BackfilledPrometheus } from '../test/support/prometheus.js';

interface DiagnoseStep {
  readonly seconds: number;
  readonly maxRssBytes: number;
  readonly queries: number;
  readonly kpisMeasured: number;
  readonly findings: number;
  readonly exitCode: number;
}

const TARGET_SECONDS = 30;
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const mib = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;

/** Child: one diagnose run, in-process, output discarded; prints its figures as JSON. */
async function child(url: string, time: string): Promise<void> {
  let stdout = '';
  const t0 = performance.now();
  const code = await main(
    ['diagnose', '--prometheus', url, '--time', time, '--window', '1h', '-o', 'json', '--fail-on', 'none'],
    {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      stdin: Readable.from([]),
      env: {},
      cwd: process.cwd(),
      now: () => new Date(),
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const report = JSON.parse(stdout) as {
    findings: unknown[];
    sections: { diagnose: { queries: { queries: number }; kpis: { status: string }[] } };
  };
  const measured = report.sections.diagnose.kpis.filter((k) => k.status !== 'not-measured' && k.status !== 'error');
  const result: DiagnoseStep = {
    seconds,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    queries: report.sections.diagnose.queries.queries,
    kpisMeasured: measured.length,
    findings: report.findings.length,
    exitCode: code,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(url: string, time: number): DiagnoseStep {
  const self = fileURLToPath(import.meta.url);
  const out = spawnSync(process.execPath, [...process.execArgv, self, '--child', url, String(time)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  if (out.status !== 0 || !line.startsWith('{'))
    throw new Error(`diagnose child failed (exit ${out.status}): ${out.stdout}`);
  return JSON.parse(line) as DiagnoseStep;
}

/** Prometheus' own peak RSS (VmHWM), from /proc. */
const promPeakRss = (prom: BackfilledPrometheus): number => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${prom.pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
};

async function measure(nodes: number, minutes: number, step: number) {
  const end = 1_767_225_600;
  const range = { startSeconds: end - minutes * 60, endSeconds: end, stepSeconds: step };
  const t0 = performance.now();
  const prom = await startBackfilledPrometheus(clusterFamilies([], { nodes, nodesOnly: true, range }), {
    readyTimeoutMs: 600_000,
  });
  const setupSeconds = (performance.now() - t0) / 1000;
  try {
    runChild(prom.url, end); // warm-up: Prometheus loads the blocks' postings on first use
    const run = runChild(prom.url, end);
    return { nodes, setupSeconds, run, promRss: promPeakRss(prom) };
  } finally {
    await prom.stop();
  }
}

async function bench(): Promise<void> {
  const nodes = arg('nodes', 5000);
  const baseline = arg('baseline', 500);
  const minutes = arg('minutes', 65);
  const step = arg('step', 60);
  const series = (n: number) => n * 25;
  console.log(`diagnose bench: ${baseline} vs ${nodes} nodes, ${minutes} min of history at ${step} s, window 1h`);
  const results = [];
  for (const n of [baseline, nodes]) {
    const r = await measure(n, minutes, step);
    results.push(r);
    console.log(
      `  ${String(n).padStart(6)} nodes  ~${series(n)} node series  backfill ${r.setupSeconds.toFixed(1)} s (setup)  ` +
        `diagnose ${r.run.seconds.toFixed(2)} s  ${r.run.queries} queries  ${r.run.kpisMeasured} KPIs measured  ` +
        `RSS ${mib(r.run.maxRssBytes)} (Prometheus ${mib(r.promRss)})`,
    );
  }
  const [base, big] = results as [(typeof results)[0], (typeof results)[0]];
  const timeRatio = big.run.seconds / base.run.seconds;
  console.log(`\n  nodes ×${(nodes / baseline).toFixed(0)}:`);
  console.log(
    `  queries    ${big.run.queries} vs ${base.run.queries}  (×${(big.run.queries / base.run.queries).toFixed(2)}; must be ×1.00)`,
  );
  console.log(`  time       ×${timeRatio.toFixed(2)}  (${big.run.seconds.toFixed(2)} s; target ≤ ${TARGET_SECONDS} s)`);
  console.log(
    `  RSS        ×${(big.run.maxRssBytes / base.run.maxRssBytes).toFixed(2)}  (${mib(big.run.maxRssBytes)})`,
  );
  const ok = big.run.queries === base.run.queries && big.run.seconds <= TARGET_SECONDS;
  console.log(ok ? '\n  PASS' : '\n  FAIL');
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await bench();
