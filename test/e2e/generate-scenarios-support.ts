/**
 * Support for the generate scenario test: a Prometheus holding a diagnose scenario's history plus the recording
 * rules kubetune generated for it (backfilled by `promtool tsdb create-blocks-from rules`), restarted with the rule
 * files loaded; and what the generated alerts and dashboard panels return there.
 */
import { readdir, rename, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { parseDurationMs } from '../../src/core/units.js';
import {
  backfillOpenMetrics,
  sampleRange,
  startPrometheus,
  writeOpenMetrics,
  type MetricFamily,
  type PrometheusHandle,
  type TimeRange,
} from '../support/prometheus.js';
import { tempDir } from '../support/processes.js';
import { promtool } from '../support/promtool.js';

/** kube-state-metrics requests of every container the scenario's cAdvisor series name (for the usage panels). */
export function* withRequests(families: Iterable<MetricFamily>, r: TimeRange): Generator<MetricFamily> {
  const containers = new Map<string, Record<string, string>>();
  for (const f of families) {
    if (f.name === 'container_memory_working_set_bytes') {
      const series = [...f.series];
      for (const s of series) {
        const { namespace = '', pod = '', container = '' } = s.labels;
        containers.set(`${namespace}/${pod}/${container}`, { namespace, pod, container });
      }
      yield { ...f, series };
    } else yield f;
  }
  const ksm = { job: 'kube-state-metrics', instance: '10.0.9.9:8080' };
  const requests = [...containers.values()].flatMap((c) =>
    [
      ['cpu', 'core', 0.25],
      ['memory', 'byte', 256 * 2 ** 20],
    ].map(([resource, unit, value]) => ({
      labels: { ...ksm, ...c, node: '10.0.0.2', resource: String(resource), unit: String(unit) },
      samples: sampleRange(r, () => Number(value)),
    })),
  );
  yield { name: 'kube_pod_container_resource_requests', type: 'gauge', series: requests };
}

export interface ScenarioProm {
  readonly work: string;
  readonly dataDir: string;
  prom: PrometheusHandle;
}

export async function startScenario(families: Iterable<MetricFamily>): Promise<ScenarioProm> {
  const work = await tempDir('generate-scenario');
  const dataDir = join(work, 'data');
  await writeOpenMetrics(join(work, 'input.om'), families);
  await backfillOpenMetrics(join(work, 'input.om'), dataDir);
  return { work, dataDir, prom: await startPrometheus({ dataDir }) };
}

/** Evaluates the recording rules over the history, adds the blocks and restarts Prometheus with the rules loaded. */
export async function addRecordingRules(s: ScenarioProm, ruleFile: string, r: TimeRange): Promise<void> {
  const out = join(s.work, 'rule-blocks');
  const run = await promtool([
    'tsdb',
    'create-blocks-from',
    'rules',
    `--start=${r.startSeconds}`,
    `--end=${r.endSeconds}`,
    `--url=${s.prom.url}`,
    `--eval-interval=${r.stepSeconds}s`,
    `--output-dir=${out}`,
    ruleFile,
  ]);
  if (run.code !== 0) throw new Error(`promtool create-blocks-from rules failed:\n${run.output.slice(-4000)}`);
  await s.prom.stop();
  for (const block of await readdir(out)) await rename(join(out, block), join(s.dataDir, block));
  s.prom = await startPrometheus({ dataDir: s.dataDir, ruleFiles: [ruleFile] });
}

interface ApiAnswer {
  status: string;
  data: { result: { metric: Record<string, string>; values?: unknown[]; value?: unknown }[] } & Record<string, unknown>;
}
async function api(prom: PrometheusHandle, path: string, params: Record<string, string>): Promise<ApiAnswer> {
  const res = await fetch(`${prom.url}${path}?${new URLSearchParams(params)}`);
  const body = (await res.json()) as ApiAnswer;
  if (body.status !== 'success') throw new Error(`${path} ${JSON.stringify(params)}: ${JSON.stringify(body)}`);
  return body;
}

export interface RuleGroupHealth {
  readonly name: string;
  readonly rules: { health: string; name: string; lastError?: string }[];
}
export async function loadedRules(prom: PrometheusHandle): Promise<RuleGroupHealth[]> {
  const res = await fetch(`${prom.url}/api/v1/rules`);
  return ((await res.json()) as { data: { groups: RuleGroupHealth[] } }).data.groups;
}

interface Alert {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Record<string, string>;
}
export async function alertsOf(ruleFile: string): Promise<Alert[]> {
  const doc = load(await readFile(ruleFile, 'utf8')) as { groups: { rules: (Alert | { record: string })[] }[] };
  return doc.groups.flatMap((g) => g.rules.filter((r): r is Alert => 'alert' in r));
}

/**
 * The alerts that fire at `end`: their expression returned the series at every 30 s evaluation over the `for:`
 * before it (Prometheus' own condition for pending → firing), evaluated by Prometheus on the backfilled history.
 */
export async function firingAt(prom: PrometheusHandle, alerts: readonly Alert[], end: number): Promise<Alert[]> {
  const firing: Alert[] = [];
  for (const a of alerts) {
    const forSeconds = (parseDurationMs(a.for) ?? 0) / 1000;
    const start = end - forSeconds;
    const steps = Math.floor(forSeconds / 30) + 1;
    const res = await api(prom, '/api/v1/query_range', {
      query: a.expr,
      start: String(start),
      end: String(end),
      step: '30',
    });
    if (res.data.result.some((s) => (s.values?.length ?? 0) >= steps)) firing.push(a);
  }
  return firing;
}

/** Grafana variables as the test sets them: every value ("All" → `.*`), `$__rate_interval` 5m. */
export const withVariables = (expr: string): string =>
  expr.replace(/\$__rate_interval/g, '5m').replace(/\$(cluster|namespace|node)\b/g, '.*');

export async function seriesAt(prom: PrometheusHandle, expr: string, time: number): Promise<number> {
  const res = await api(prom, '/api/v1/query', { query: expr, time: String(time) });
  return res.data.result.length;
}
