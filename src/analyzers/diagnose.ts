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
      const d = measurementDiagnostic(m, analyzer.id);
      if (d) diagnostics.push(d);
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
  const chains = buildChains(bottlenecks);
  const findings = sortFindings([
    ...chains.map((c) => chainFinding(c, ctx)),
    ...bottlenecks.map((b) => bottleneckFinding(b, ctx)),
  ]);
  return { findings, diagnostics, bottlenecks, chains, kpis };
}
