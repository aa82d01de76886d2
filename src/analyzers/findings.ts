/** Turns bottlenecks, chains and unmeasured KPIs into the shared Finding / Diagnostic types (pure). */
import type { Diagnostic, Finding, Priority, Severity } from '../engine/types.js';
import { KPI_AUDIT_RULES } from '../knowledge/kpis-audit-rules.js';
import type { Kpi } from '../knowledge/kpis.js';
import type { ObjectRef } from '../model/object.js';
import type { Labels } from '../model/prom-api.js';
import { formatDuration, formatKpiValue, formatLabels } from './format.js';
import { hostOf, type CauseChain } from './root-cause.js';
import type { AnalyzeContext, Bottleneck, Measurement } from './types.js';

export const ROOT_CAUSE_RULE_ID = 'root-cause';
export const COMPONENT_API_VERSION = 'kubetune.io/v1alpha1';

export const severityOf = (p: Priority): Severity => (p === 'P0' ? 'error' : p === 'P1' ? 'warning' : 'info');

/** What a bottleneck is about: its worst node, pod, or the component. */
export function objectOf(kpi: Kpi, labels: Labels | undefined): ObjectRef {
  if (kpi.subject === 'node' && labels && hostOf(labels))
    return { apiVersion: 'v1', kind: 'Node', name: hostOf(labels)! };
  if (kpi.subject === 'pod' && labels?.['pod']) {
    return { apiVersion: 'v1', kind: 'Pod', namespace: labels['namespace'] ?? 'default', name: labels['pod'] };
  }
  return { apiVersion: COMPONENT_API_VERSION, kind: 'Component', name: kpi.component };
}

const describe = (b: Bottleneck): string => `${b.kpi.title} ${formatKpiValue(b.value, b.kpi.unit)}`;

export function bottleneckFinding(b: Bottleneck, ctx: AnalyzeContext): Finding {
  const worst = b.offenders[0]?.labels;
  const top = b.offenders.map((s) => `${formatLabels(s.labels)} ${formatKpiValue(s.value, b.kpi.unit)}`).join('; ');
  const threshold = formatKpiValue(b.threshold, b.kpi.unit);
  const window = ctx.period ?? formatDuration(ctx.windowSeconds);
  return {
    ruleId: b.analyzerId,
    severity: severityOf(b.priority),
    priority: b.priority,
    area: b.kpi.bottleneck,
    object: objectOf(b.kpi, worst),
    path: [],
    messageId: b.kpi.id,
    message: `${describe(b)} ${ctx.period ?? `over ${window}`} (${b.priority} above ${threshold}, profile ${ctx.profile}); worst: ${top}. ${b.kpi.remediation}${auditHint(b.kpi.id)}`,
    data: { kpi: b.kpi.id, value: b.value, threshold: b.threshold, unit: b.kpi.unit },
    evidence: {
      query: b.query,
      value: formatKpiValue(b.value, b.kpi.unit),
      threshold,
      window,
      top,
      offendingSeries: b.offenders.length,
      ...(KPI_AUDIT_RULES[b.kpi.id]?.length ? { auditRules: KPI_AUDIT_RULES[b.kpi.id]!.join(', ') } : {}),
    },
  };
}

/** `(audit: kubetune explain a, b)`: the rules that check the configuration behind the bottleneck. */
const auditHint = (kpiId: string): string => {
  const rules = KPI_AUDIT_RULES[kpiId] ?? [];
  return rules.length ? ` Audit: ${rules.join(', ')}.` : '';
};

const RANK: readonly Priority[] = ['P0', 'P1', 'P2'];

export function chainFinding(chain: CauseChain, ctx: AnalyzeContext): Finding {
  const root = chain.steps[0]!;
  const priority = RANK[Math.min(...chain.steps.map((s) => RANK.indexOf(s.priority)))]!;
  const where = (b: Bottleneck) => {
    const obj = objectOf(b.kpi, b.offenders[0]?.labels);
    return obj.kind === 'Component' ? '' : ` on ${obj.namespace ? `${obj.namespace}/` : ''}${obj.name}`;
  };
  return {
    ruleId: ROOT_CAUSE_RULE_ID,
    severity: severityOf(priority),
    priority,
    area: root.kpi.bottleneck,
    object: objectOf(root.kpi, root.offenders[0]?.labels),
    path: [],
    messageId: 'chain',
    message: `root cause: ${chain.steps.map((s) => `${describe(s)}${where(s)}`).join(' → ')}`,
    data: { root: root.kpi.id, length: chain.steps.length },
    evidence: {
      chain: chain.steps.map((s) => s.kpi.id).join(' → '),
      because: chain.because.join(' · '),
      window: ctx.period ?? formatDuration(ctx.windowSeconds),
    },
  };
}

/** Not measured / error / no traffic: never silently "healthy". */
export function measurementDiagnostic(m: Measurement, analyzerId: string): Diagnostic | undefined {
  const name = `${m.kpi.title} [${m.kpi.id}]`;
  switch (m.status) {
    case 'measured':
      return m.warnings.length || m.partial
        ? {
            code: 'source-error',
            severity: 'warning',
            ruleId: analyzerId,
            message: `${name}: ${m.partial ? 'partial data' : 'answered with warnings'}${m.warnings.length ? `: ${m.warnings.join('; ')}` : ''}`,
          }
        : undefined;
    case 'no-traffic':
      return {
        code: 'not-measured',
        severity: 'info',
        ruleId: analyzerId,
        message: `${name}: no observations in the window`,
      };
    case 'not-measured':
      return {
        code: 'not-measured',
        severity: 'warning',
        ruleId: analyzerId,
        message: `not measured: ${name}: ${m.reason}`,
      };
    case 'error':
      return {
        code: 'source-error',
        severity: 'error',
        ruleId: analyzerId,
        message: `${name}: query failed: ${m.reason}`,
      };
  }
}
