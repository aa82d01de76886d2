import type { DiagnoseResult } from '../analyzers/diagnose.js';
import { DIAGNOSE_ANALYZERS } from '../analyzers/diagnose-index.js';
import { ROOT_CAUSE_RULE_ID } from '../analyzers/findings.js';
import { DOCS_BASE } from '../engine/types.js';
import type { ProfileName } from '../knowledge/profiles.js';
import { buildReport, type Report, type RuleMeta } from '../reporters/report.js';
import type { SourceRun } from './diagnose.js';
import { VERSION } from './version.js';

/** The rule metadata of diagnose's findings: one entry per analyzer, and the root-cause chain. */
export const diagnoseRuleMetas = (): RuleMeta[] => [
  ...DIAGNOSE_ANALYZERS.map((a) => ({
    id: a.id,
    area: a.area,
    severity: 'warning' as const,
    summary: a.summary,
    docsUrl: `${DOCS_BASE}/diagnose.md#${a.id}`,
  })),
  {
    id: ROOT_CAUSE_RULE_ID,
    area: 'monitoring',
    severity: 'warning',
    summary: 'Bottlenecks chained along known cause → effect links, root first.',
    docsUrl: `${DOCS_BASE}/diagnose.md#root-cause`,
  },
];

export function diagnoseReport(
  run: SourceRun,
  result: DiagnoseResult,
  profile: ProfileName,
  windowSeconds: number,
): Report {
  const report = buildReport({
    command: 'diagnose',
    version: VERSION,
    kubeVersion: run.kubeVersion,
    profile,
    findings: result.findings,
    diagnostics: [...run.diagnostics, ...result.diagnostics],
    rules: [],
    objects: result.kpis.length,
    sections: {
      diagnose: {
        source: run.source,
        ...(run.server ? { server: run.server } : {}),
        windowSeconds: run.period ? null : windowSeconds,
        period: run.period ?? null,
        kpis: result.kpis,
        rootCauses: result.chains.map((c) => ({ chain: c.steps.map((s) => s.kpi.id), because: c.because })),
        queries: run.stats() ?? null,
      },
    },
  });
  const used = new Set(report.findings.map((f) => f.ruleId));
  return { ...report, rules: diagnoseRuleMetas().filter((m) => used.has(m.id)) };
}
