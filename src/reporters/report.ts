import type { AnyRule, Diagnostic, Finding, Priority, Severity } from '../engine/types.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface RuleMeta {
  readonly id: string;
  readonly area: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly docsUrl: string;
}

export interface ReportSummary {
  readonly objects: number;
  readonly files?: number;
  readonly skipped: Readonly<Record<string, number>>;
  readonly findings: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byPriority: Readonly<Partial<Record<Priority, number>>>;
  readonly errors: number;
}

/** The one document every reporter renders. JSON output is this object, versioned by `schemaVersion`. */
export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'kubetune'; readonly version: string };
  readonly command: string;
  readonly kubeVersion: string;
  readonly profile: string;
  readonly generatedAt?: string;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly rules: readonly RuleMeta[];
  readonly summary: ReportSummary;
  /** Command-specific sections (root-cause chains, recommendations...), rendered by reporters that know them. */
  readonly sections?: Readonly<Record<string, unknown>>;
}

export interface BuildReportInput {
  readonly command: string;
  readonly version: string;
  readonly kubeVersion: string;
  readonly profile: string;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly rules: readonly AnyRule[];
  readonly objects: number;
  readonly files?: number;
  readonly skipped?: Readonly<Record<string, number>>;
  readonly generatedAt?: string;
  readonly sections?: Readonly<Record<string, unknown>>;
}

export const ruleMeta = (r: AnyRule): RuleMeta => ({
  id: r.id,
  area: r.area,
  severity: r.defaultSeverity,
  summary: r.summary,
  docsUrl: r.docsUrl,
});

export function buildReport(input: BuildReportInput): Report {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byPriority: Partial<Record<Priority, number>> = {};
  for (const f of input.findings) {
    bySeverity[f.severity]++;
    if (f.priority) byPriority[f.priority] = (byPriority[f.priority] ?? 0) + 1;
  }
  const used = new Set(input.findings.map((f) => f.ruleId));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'kubetune', version: input.version },
    command: input.command,
    kubeVersion: input.kubeVersion,
    profile: input.profile,
    ...(input.generatedAt ? { generatedAt: input.generatedAt } : {}),
    findings: input.findings,
    diagnostics: input.diagnostics,
    rules: input.rules.filter((r) => used.has(r.id)).map(ruleMeta),
    summary: {
      objects: input.objects,
      ...(input.files !== undefined ? { files: input.files } : {}),
      skipped: input.skipped ?? {},
      findings: input.findings.length,
      bySeverity,
      byPriority,
      errors: input.diagnostics.filter((d) => d.severity === 'error').length,
    },
    ...(input.sections ? { sections: input.sections } : {}),
  };
}
