/**
 * `npm run bench:rightsize-strategies`: every strategy's backtest on the real Online Boutique usage and on seeded
 * traces of the shapes users have (bench/rightsize-shapes.ts), through the real pipeline: the traces are backfilled
 * with promtool into one real Prometheus and `kubetune rightsize --backtest -o json` runs in-process on each data set
 * (learning on the first half of the window, replaying the second). Prints one Markdown table per data set and
 * checks the default strategy against the targets (0 simulated OOM kills, ≤ 0.5% throttled minutes, cost ≤ 80% of
 * the VPA-like strategy's); `--write` puts the tables into docs/rightsize.md between the bench markers.
 *
 *   npx tsx bench/rightsize-strategies.ts [--seed 1] [--workloads 8] [--days 2] [--write]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { DEFAULT_PRICES } from '../src/analyzers/rightsize/params.js';
import { main } from '../src/cli/main.js';
import {
  ONLINE_BOUTIQUE_MANIFESTS,
  onlineBoutiqueFamilies,
  readOnlineBoutique,
} from '../test/support/online-boutique.js';
import { startBackfilledPrometheus, type MetricFamily } from '../test/support/prometheus.js';
import { generateShape, SHAPES } from './rightsize-shapes.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    workloads: { type: 'string', default: '8' },
    days: { type: 'string', default: '2' },
    write: { type: 'boolean', default: false },
    /** More `rightsize` flags for every data set, e.g. --extra "--cpu-percentile 90". */
    extra: { type: 'string', default: '' },
  },
});

interface StrategyRow {
  label: string;
  strategy: string;
  totals: {
    monthlyCost: number;
    cpuCores: number;
    memoryGiB: number;
    oomSamples: number;
    containersWithOom: number;
    throttledMinutes: number;
    throttledShare: number;
    notEnoughData: number;
  };
  drivers: { cost: string[]; oom: string[]; throttled: string[] };
}
interface DataSet {
  readonly title: string;
  readonly manifests: string;
  readonly namespace: string;
  readonly endSeconds: number;
  readonly args: readonly string[];
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const TARGETS = { throttledShare: 0.005, costVsVpa: 0.8 };

async function backtestOf(url: string, d: DataSet, now: number): Promise<StrategyRow[]> {
  let stdout = '';
  let stderr = '';
  const argv = ['rightsize', d.manifests, '--prometheus', url, '-n', d.namespace, '--end', String(d.endSeconds)];
  const extra = args.extra ? args.extra.split(/\s+/) : [];
  const code = await main([...argv, '--backtest', '-o', 'json', ...d.args, ...extra], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: new PassThrough(),
    env: {},
    cwd: process.cwd(),
    now: () => new Date(now * 1000),
  });
  if (code !== 0) throw new Error(`${d.title}: kubetune exited ${code}: ${stderr}`);
  const report = JSON.parse(stdout) as { sections: { rightsize: { backtest: { strategies: StrategyRow[] } } } };
  return report.sections.rightsize.backtest.strategies;
}

const short = (name: string): string => name.split('/').slice(2).join('/');
const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;

function table(d: DataSet, rows: readonly StrategyRow[]): { lines: string[]; verdict: string; met: boolean } {
  const vpa = rows.find((r) => r.label === 'vpa')!;
  const lines = [
    `**${d.title}** (\`${['--backtest', ...d.args].join(' ')}\`)`,
    '',
    '| strategy | cost/month | vs vpa | cores | GiB | OOM samples (containers) | throttled minutes (share) | not enough data | drive the cost | drive OOM / throttling |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const t = r.totals;
    const risky = [
      ...r.drivers.oom.map((x) => `OOM ${short(x)}`),
      ...r.drivers.throttled.map((x) => `thr ${short(x)}`),
    ];
    lines.push(
      `| ${r.label} | ${t.monthlyCost.toFixed(2)} ${DEFAULT_PRICES.currency} | ${pct(t.monthlyCost / vpa.totals.monthlyCost, 0)} | ${t.cpuCores.toFixed(3)} | ${t.memoryGiB.toFixed(2)} | ${t.oomSamples} (${t.containersWithOom}) | ${t.throttledMinutes.toFixed(0)} (${pct(t.throttledShare)}) | ${t.notEnoughData} | ${r.drivers.cost.map(short).join(', ')} | ${risky.join(', ') || '-'} |`,
    );
  }
  const g = rows.find((r) => r.label === 'guide')!.totals;
  const checks = [
    [`0 OOM samples (${g.oomSamples})`, g.oomSamples === 0],
    [`throttled ≤ 0.5% (${pct(g.throttledShare)})`, g.throttledShare <= TARGETS.throttledShare],
    [
      `cost ≤ 80% of vpa (${pct(g.monthlyCost / vpa.totals.monthlyCost, 0)})`,
      g.monthlyCost <= TARGETS.costVsVpa * vpa.totals.monthlyCost,
    ],
  ] as const;
  const verdict = `default (guide): ${checks.map(([n, ok]) => `${ok ? 'MET' : 'MISSED'} ${n}`).join(' · ')}`;
  return { lines: [...lines, '', verdict, ''], verdict, met: checks.every(([, ok]) => ok) };
}

async function run(): Promise<void> {
  const seed = Number(args.seed);
  const days = Number(args.days);
  const workloads = Number(args.workloads);
  const work = mkdtempSync(join(tmpdir(), 'kubetune-bench-strategies-'));
  const ob = readOnlineBoutique();
  const obEnd = Math.max(...ob.flatMap((p) => p.rows.map((r) => r.t)));
  const shapeEnd = Math.floor(Date.UTC(2026, 0, 1) / 1000) - 60;
  const shapes = SHAPES.map((s) => generateShape(s, { seed, days, endSeconds: shapeEnd, workloads }));
  const families = new Map<string, MetricFamily>();
  const add = (fs: readonly MetricFamily[]) =>
    fs.forEach((f) => {
      const prev = families.get(f.name);
      families.set(f.name, prev ? { ...f, series: [...prev.series, ...f.series] } : f);
    });
  add(onlineBoutiqueFamilies(ob));
  for (const s of shapes) add(onlineBoutiqueFamilies(s.pods, s.namespace));
  log(
    `bench:rightsize-strategies — Online Boutique + ${SHAPES.length} shapes × ${workloads} workloads × ${days} d, seed ${seed}`,
  );
  const prom = await startBackfilledPrometheus(families.values());
  const sets: DataSet[] = [
    {
      title: 'Online Boutique (real usage, 10 services, 20 h)',
      manifests: ONLINE_BOUTIQUE_MANIFESTS,
      namespace: 'default',
      endSeconds: obEnd,
      // 20 h of data: a 10 h learning half, so the coverage minimum is lowered to what it holds.
      args: ['--history', '20h', '--min-hours', '10'],
    },
    ...shapes.map((s) => {
      const file = join(work, `${s.shape}.yaml`);
      writeFileSync(file, s.manifests);
      return {
        title: `${s.shape} (generated, ${workloads} workloads, ${days} d, seed ${seed})`,
        manifests: file,
        namespace: s.namespace,
        endSeconds: shapeEnd,
        args: ['--history', `${days}d`],
      };
    }),
  ];
  const out: string[] = [];
  let allMet = true;
  try {
    for (const d of sets) {
      const rows = await backtestOf(prom.url, d, Math.max(obEnd, shapeEnd) + 3600);
      const t = table(d, rows);
      allMet &&= t.met;
      out.push(...t.lines);
      log(`  ${d.title}: ${t.verdict}`);
    }
  } finally {
    await prom.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const text = out.join('\n');
  process.stdout.write(`${text}\n`);
  if (args.write) {
    const doc = resolve('docs/rightsize.md');
    const [begin, end] = ['<!-- bench:rightsize-strategies:begin -->', '<!-- bench:rightsize-strategies:end -->'];
    const current = readFileSync(doc, 'utf8');
    const at = current.indexOf(begin);
    const to = current.indexOf(end);
    if (at < 0 || to < at) throw new Error(`docs/rightsize.md has no ${begin} … ${end} section`);
    writeFileSync(doc, `${current.slice(0, at + begin.length)}\n${text}\n${current.slice(to)}`);
    log('  wrote docs/rightsize.md');
  }
  if (!allMet) process.exitCode = 1;
}

await run();
