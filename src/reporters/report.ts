import { FindingTable } from '../engine/finding-table.js';
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
  /** Every finding in order (when the report was built from a table, materialised on first use: see `table`). */
  readonly findings: readonly Finding[];
  /**
   * The same findings, compact, when the report was built from a FindingTable (not enumerable: JSON output and
   * copies of the report do not carry it). Streaming reporters read it one finding at a time.
   */
  readonly table?: FindingTable;
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
  /** Sorted findings: an array, or a table (kept compact until a reporter that needs an array asks). */
  readonly findings: readonly Finding[] | FindingTable;
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

interface Counts {
  readonly bySeverity: Record<Severity, number>;
  readonly byPriority: Partial<Record<Priority, number>>;
  readonly used: Set<string>;
}

function count(findings: readonly Finding[] | FindingTable): Counts {
  const c: Counts = { bySeverity: { error: 0, warning: 0, info: 0 }, byPriority: {}, used: new Set() };
  const add = (severity: Severity, priority: Priority | undefined, ruleId: string) => {
    c.bySeverity[severity]++;
    if (priority) c.byPriority[priority] = (c.byPriority[priority] ?? 0) + 1;
    c.used.add(ruleId);
  };
  if (findings instanceof FindingTable)
    for (let row = 0; row < findings.length; row++)
      add(findings.severityOf(row), findings.priorityOf(row), findings.ruleOf(row).id);
  else for (const f of findings) add(f.severity, f.priority, f.ruleId);
  return c;
}

export function buildReport(input: BuildReportInput): Report {
  const { bySeverity, byPriority, used } = count(input.findings);
  const table = input.findings instanceof FindingTable ? input.findings : undefined;
  let findings = table ? undefined : (input.findings as readonly Finding[]);
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'kubetune', version: input.version },
    command: input.command,
    kubeVersion: input.kubeVersion,
    profile: input.profile,
    ...(input.generatedAt ? { generatedAt: input.generatedAt } : {}),
    get findings(): readonly Finding[] {
      return (findings ??= table!.toArray());
    },
    diagnostics: input.diagnostics,
    rules: input.rules.filter((r) => used.has(r.id)).map(ruleMeta),
    summary: {
      objects: input.objects,
      ...(input.files !== undefined ? { files: input.files } : {}),
      skipped: input.skipped ?? {},
      findings: table ? table.length : findings!.length,
      bySeverity,
      byPriority,
      errors: input.diagnostics.filter((d) => d.severity === 'error').length,
    },
    ...(input.sections ? { sections: input.sections } : {}),
  } as const;
  if (table) Object.defineProperty(report, 'table', { value: table, enumerable: false });
  return report as Report;
}
