/**
 * `npm run bench:rightsize`: backfills N containers × D days at 1-minute resolution into a real Prometheus, then runs
 * in the same run, each in its own child process over the same data:
 *   - kubetune: the rightsize pipeline (per-namespace, per-statistic queries pushed into PromQL, chunked by pods);
 *   - baseline: the naive per-container approach — for every container, pull its CPU-rate and working-set series
 *     over the window (query_range at the resolution step) and compute the same statistics in Node.
 * Prints total time, query counts, peak RSS and the ratio, and checks that both computed the same statistics.
 *
 *   npx tsx bench/rightsize.ts [--containers 10000] [--days 14] [--baseline-sample N] [--data-root .bench-data] [--data-end <unix s>]
 * --baseline-sample runs the baseline on every k-th container only and extrapolates its time linearly (printed).
 */
import { spawn } from 'node:child_process';
import { CPU_RECORDING_RULES } from '../src/analyzers/rightsize/queries.js';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPrometheus } from '../test/support/prometheus.js';
import {
  ensureBenchData,
  NAMESPACES,
  RECORDING_RULE_SOURCES,
  type BenchShape,
  type RecordingRuleSource,
} from './rightsize-data.js';
import { runBaselineChild, runKubetuneChild, type ChildResult } from './rightsize-runners.js';

const { values: args } = parseArgs({
  options: {
    containers: { type: 'string', default: '10000' },
    days: { type: 'string', default: '14' },
    'baseline-sample': { type: 'string' },
    'data-root': { type: 'string', default: '.bench-data' },
    'data-end': { type: 'string' },
    child: { type: 'string' },
    url: { type: 'string' },
    end: { type: 'string' },
    window: { type: 'string' },
    stride: { type: 'string' },
    recorded: { type: 'boolean', default: false },
    rules: { type: 'string', default: 'kube-prometheus' },
  },
});

const DAY = 86_400;
const LEAD_IN = 300;
/** Relative tolerance of the recorded-rate statistics against the raw ones when a rule engine recorded them. */
const RECORDED_TOLERANCE = 0.005;
const log = (s: string) => process.stderr.write(`${s}\n`);

async function child(): Promise<void> {
  const opts = {
    url: args.url!,
    endSeconds: Number(args.end),
    windowSeconds: Number(args.window),
    stride: Number(args.stride ?? 1),
    useRecordingRules: args.recorded,
  };
  const result = args.child === 'kubetune' ? await runKubetuneChild(opts) : await runBaselineChild(opts);
  process.stdout.write(JSON.stringify(result));
}

async function runChild(kind: 'kubetune' | 'baseline', common: string[]): Promise<ChildResult> {
  const p = spawn(process.execPath, ['--import', 'tsx', resolve('bench/rightsize.ts'), '--child', kind, ...common], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  p.stdout.on('data', (b: Buffer) => (out += b.toString()));
  const [code] = (await once(p, 'exit')) as [number];
  if (code !== 0) throw new Error(`${kind} child failed (exit ${code})`);
  return JSON.parse(out) as ChildResult;
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function compare(a: ChildResult, b: ChildResult, tolerance = 1e-6): { compared: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let compared = 0;
  for (const [key, s] of Object.entries(b.sample)) {
    const k = a.sample[key];
    if (!k) {
      mismatches.push(`${key}: missing from kubetune`);
      continue;
    }
    for (const stat of Object.keys(s) as (keyof typeof s)[]) {
      compared++;
      const x = k[stat] ?? NaN;
      const y = s[stat] ?? NaN;
      if (!(Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(y))))
        mismatches.push(`${key} ${stat}: kubetune ${x} baseline ${y}`);
    }
  }
  return { compared, mismatches };
}

function printResults(
  { recorded, raw, baseline }: Readonly<Record<'recorded' | 'raw' | 'baseline', ChildResult>>,
  stride: number,
  rules: string,
): void {
  const baselineMs = baseline.ms * stride;
  const all = (s: string) => (stride > 1 ? s : '');
  // A rule evaluated by Prometheus (here promtool) records at evaluation time the rate up to the previous scrape: the
  // recorded series is the raw rate shifted by one step, so its window differs by one sample at each end and a
  // quantile may move by a fraction of a percent. kube-prometheus' series are backfilled aligned: exact there.
  const tolerance = rules === 'kubetune' ? RECORDED_TOLERANCE : 1e-6;
  const checks = [compare(recorded, baseline, tolerance), compare(raw, baseline)];
  const rows = [
    [
      '',
      `kubetune (${rules} rules)`,
      'kubetune (raw counters)',
      `baseline (per container)${all(`, 1/${stride} sampled`)}`,
    ],
    ['containers', String(recorded.containers), String(raw.containers), String(baseline.containers)],
    [
      'total time',
      `${(recorded.ms / 1000).toFixed(1)} s`,
      `${(raw.ms / 1000).toFixed(1)} s`,
      `${(baseline.ms / 1000).toFixed(1)} s${all(` (≈ ${(baselineMs / 1000).toFixed(0)} s for all)`)}`,
    ],
    [
      'Prometheus queries',
      String(recorded.queries),
      String(raw.queries),
      `${baseline.queries}${all(` (≈ ${baseline.queries * stride} for all)`)}`,
    ],
    ['bytes received', mb(recorded.bytes / 1024), mb(raw.bytes / 1024), mb(baseline.bytes / 1024)],
    ['peak RSS', mb(recorded.maxRssKb), mb(raw.maxRssKb), mb(baseline.maxRssKb)],
    ['speed-up vs baseline', `${(baselineMs / recorded.ms).toFixed(1)}×`, `${(baselineMs / raw.ms).toFixed(1)}×`, '1×'],
  ];
  const w = [22, 26, 26, 40];
  process.stdout.write(`\n${rows.map((r) => r.map((c, i) => c.padEnd(w[i]!)).join('  ')).join('\n')}\n`);
  checks.forEach((check, i) => {
    const mismatches = check.mismatches.length
      ? `${check.mismatches.length} MISMATCHES\n${check.mismatches.slice(0, 10).join('\n')}`
      : 'identical';
    process.stdout.write(
      `statistics of kubetune (${i ? 'raw counters' : 'recorded rate'}) cross-checked on ${check.compared} values${!i && tolerance > 1e-6 ? ` (within ${tolerance * 100}%: rule-recorded rates lag one step)` : ''}: ${mismatches}\n`,
    );
    if (check.mismatches.length) process.exitCode = 1;
  });
  for (const [label, r] of [
    ['recorded rate', recorded],
    ['raw counters', raw],
  ] as const) {
    const targets = [
      [`kubetune total ≤ 60 s`, r.ms <= 60_000],
      [`≥ 10× faster than the per-container baseline`, baselineMs / r.ms >= 10],
      [`kubetune peak RSS ≤ 500 MB`, r.maxRssKb <= 500 * 1024],
    ] as const;
    for (const [name, ok] of targets) process.stdout.write(`${ok ? 'MET ' : 'MISS'}  (${label}) ${name}\n`);
  }
}

function rulesArg(): RecordingRuleSource {
  const rules = args.rules as RecordingRuleSource;
  if (!RECORDING_RULE_SOURCES.includes(rules) || rules === 'none')
    throw new Error(`--rules must be kube-prometheus or kubetune, not ${args.rules}`);
  return rules;
}

async function parent(): Promise<void> {
  const containers = Number(args.containers);
  const days = Number(args.days);
  const endSeconds = args['data-end'] ? Number(args['data-end']) : Math.floor(Date.UTC(2026, 0, 1) / 1000);
  const rules = rulesArg();
  const shape: BenchShape = { containers, days, stepSeconds: 60, endSeconds, recordingRule: rules };
  log(
    `bench:rightsize — ${containers} containers × ${days} days at 1-minute resolution (${((containers * days * 1440 * 3) / 1e6).toFixed(0)} M samples incl. the recorded CPU rate), ${NAMESPACES} namespaces`,
  );
  const data = await ensureBenchData(resolve(args['data-root']), shape, log);
  log(data.reused ? `  reusing ${data.dir}` : `  backfill took ${(data.backfillMs / 1000).toFixed(0)} s`);
  // One block per day as backfilled: keep Prometheus from compacting them while the two runs are measured.
  const prom = await startPrometheus({
    dataDir: data.dir,
    extraArgs: [
      '--storage.tsdb.min-block-duration=2h',
      '--storage.tsdb.max-block-duration=2h',
      '--query.max-samples=200000000',
    ],
  });
  try {
    const last = endSeconds - 60;
    // Reads every sample once (page cache warm for both contenders) and checks the backfill is complete.
    const count = `sum(count_over_time(container_cpu_usage_seconds_total[${days}d])) + sum(count_over_time(container_memory_working_set_bytes[${days}d]))`;
    const warm = (await (
      await fetch(`${prom.url}/api/v1/query?query=${encodeURIComponent(count)}&time=${last}`)
    ).json()) as { data?: { result?: { value: [number, string] }[] } };
    const samples = Number(warm.data?.result?.[0]?.value[1] ?? 0);
    log(
      `  warm-up: ${(samples / 1e6).toFixed(1)} M samples in Prometheus (expected ${((containers * days * 1440 * 2) / 1e6).toFixed(1)} M)`,
    );
    const stride = args['baseline-sample'] ? Math.max(1, Math.round(containers / Number(args['baseline-sample']))) : 1;
    // The window leaves the data's first 5 minutes out: a recording rule evaluated over backfilled data (promtool)
    // starts two steps after the first raw sample, where a cluster's rule would have been recording all along.
    const common = ['--url', prom.url, '--end', String(last), '--window', String(days * DAY - LEAD_IN)];
    const recorded = await runChild('kubetune', [...common, '--recorded']);
    const expected = rules === 'kubetune' ? CPU_RECORDING_RULES[1] : CPU_RECORDING_RULES[0];
    if (recorded.recordedRules?.join() !== expected)
      throw new Error(
        `CPU statistics came from ${recorded.recordedRules?.join(', ') || 'raw counters'}, not ${expected}`,
      );
    log(`  CPU statistics read from the recorded series ${expected}`);
    log(
      `  kubetune (recorded CPU rate, ${rules} rules): ${(recorded.ms / 1000).toFixed(1)} s, ${recorded.queries} queries`,
    );
    const raw = await runChild('kubetune', common);
    log(`  kubetune (raw counters): ${(raw.ms / 1000).toFixed(1)} s, ${raw.queries} queries`);
    const baseline = await runChild('baseline', [...common, '--stride', String(stride)]);
    const baselineMs = baseline.ms * stride;
    log(
      `  baseline: ${(baseline.ms / 1000).toFixed(1)} s for ${baseline.containers} containers${stride > 1 ? ` (×${stride} → ${(baselineMs / 1000).toFixed(0)} s extrapolated)` : ''}`,
    );
    printResults({ recorded, raw, baseline }, stride, rules);
  } finally {
    await prom.stop();
  }
}

await (args.child ? child() : parent());
