/**
 * The diagnosis pipeline: run every analyzer's declared queries on a backend (concurrently; the backend bounds
 * it), judge them purely, chain the bottlenecks into root causes, and express all of it as Findings/Diagnostics.
 */
import type { Diagnostic, Finding } from '../engine/types.js';
import { sortFindings } from '../engine/sort.js';
import type { Analyzer } from './define-analyzer.js';
import type { MetricsBackend } from './backends.js';
import { bottleneckFinding, chainFinding, measurementDiagnostic } from './findings.js';
import { buildChains, type CauseChain } from './root-cause.js';
import type { AnalyzeContext, Bottleneck, Measurement } from './types.js';

export interface KpiStatus {
  readonly kpi: string;
  readonly analyzer: string;
  readonly status: Measurement['status'] | 'bottleneck';
  readonly value?: number;
  readonly priority?: string;
}

export interface DiagnoseResult {
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly bottlenecks: readonly Bottleneck[];
  readonly chains: readonly CauseChain[];
  readonly kpis: readonly KpiStatus[];
}

export async function diagnose(
  analyzers: readonly Analyzer[],
  backend: MetricsBackend,
  ctx: AnalyzeContext,
): Promise<DiagnoseResult> {
  const runs = await Promise.all(
    analyzers.map(async (a) => {
      const entries = await Promise.all(
        Object.entries(a.queries).map(async ([name, kpi]) => [name, await backend.measure(kpi)] as const),
      );
      return { analyzer: a, results: Object.fromEntries(entries) as Record<string, Measurement> };
    }),
  );
  const bottlenecks: Bottleneck[] = [];
  const diagnostics: Diagnostic[] = [];
  const kpis: KpiStatus[] = [];
  const failed = new Map<string, { measurement: Measurement; analyzerId: string }[]>();
  for (const { analyzer, results } of runs) {
    let found: Bottleneck[];
    try {
      found = [...analyzer.analyze(results, ctx)];
    } catch (e) {
      diagnostics.push({
        code: 'rule-error',
        severity: 'error',
        ruleId: analyzer.id,
        message: `${analyzer.id} crashed: ${(e as Error).message}`,
      });
      continue;
    }
    bottlenecks.push(...found);
    for (const m of Object.values(results)) {
      if (m.status === 'error' && m.cause !== undefined) {
        const same = failed.get(m.cause) ?? [];
        failed.set(m.cause, [...same, { measurement: m, analyzerId: analyzer.id }]);
      } else {
        const d = measurementDiagnostic(m, analyzer.id);
        if (d) diagnostics.push(d);
      }
      const b = found.find((x) => x.kpi.id === m.kpi.id);
      kpis.push({
        kpi: m.kpi.id,
        analyzer: analyzer.id,
        status: b ? 'bottleneck' : m.status,
        ...(m.status === 'measured' && m.series[0] ? { value: m.series[0].value } : {}),
        ...(b ? { priority: b.priority } : {}),
      });
    }
  }
  diagnostics.push(...failureDiagnostics(failed));
  const chains = buildChains(bottlenecks);
  const findings = sortFindings([
    ...chains.map((c) => chainFinding(c, ctx)),
    ...bottlenecks.map((b) => bottleneckFinding(b, ctx)),
  ]);
  return { findings, diagnostics, bottlenecks, chains, kpis };
}

/**
 * One diagnostic per cause of failed queries ("42 queries failed: Prometheus … answered 500 internal: store down
 * (first: [apiserver-qps] sum(rate(…)))"), not one per query with its full text; a single failure keeps its own line.
 */
function failureDiagnostics(
  failed: ReadonlyMap<string, { measurement: Measurement; analyzerId: string }[]>,
): Diagnostic[] {
  return [...failed].map(([cause, all]) => {
    const first = all[0]!;
    if (all.length === 1) return measurementDiagnostic(first.measurement, first.analyzerId)!;
    const m = first.measurement;
    return {
      code: 'source-error',
      severity: 'error',
      message: `${all.length} queries failed: ${cause} (first: [${m.kpi.id}]${'query' in m && m.query ? ` ${m.query}` : ''})`,
    };
  });
}
